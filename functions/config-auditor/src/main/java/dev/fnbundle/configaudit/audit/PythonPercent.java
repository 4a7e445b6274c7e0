package dev.fnbundle.configaudit.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code format(x, ".Np%")}: multiply by 100 in double arithmetic, then round the binary value. */
public final class PythonPercent {
    private PythonPercent() {
    }

    /**
     * Formats like {@code f"{x:.{digits}%}"}, e.g. {@code format(0.7619047619047619, 1)} is {@code "76.2%"}.
     *
     * <p>CPython computes {@code x * 100} as a double and prints that double's exact decimal expansion rounded
     * half-even; {@link BigDecimal#BigDecimal(double)} is that exact expansion, so the output is identical.
     *
     * @throws IllegalArgumentException if x is NaN or infinite (ratios never are)
     */
    public static String format(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("not a finite number");
        }
        double scaled = x * 100;
        String text = new BigDecimal(scaled).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negativeZero = scaled == 0 && Double.doubleToRawLongBits(scaled) != 0;
        return (negativeZero ? "-" : "") + text + "%";
    }
}
