package dev.fnbundle.common.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J binding that writes one JSON object per line to standard output, where Lambda hands it to CloudWatch.
 *
 * <p>Hand-written rather than Logback or Log4j 2 because a function's cold start pays for every class a logging
 * framework loads and configures; this one loads five classes and reads one environment variable.
 */
public final class JsonLoggerProvider implements SLF4JServiceProvider {
    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new BasicMDCAdapter();
        loggerFactory = new JsonLoggerFactory(LogLevels.fromEnvironment(System.getenv()), JsonLogWriter.stdout());
    }
}
