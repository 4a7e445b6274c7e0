package dev.fnbundle.bench;

import dev.fnbundle.bench.report.Report;

/** One benchmark of the report: measures ours and the reference in the same run and adds its rows and section. */
public interface Suite {
    /** The name used by {@code -Dbench.only}. */
    String name();

    void run(Report report, Settings settings) throws Exception;
}
