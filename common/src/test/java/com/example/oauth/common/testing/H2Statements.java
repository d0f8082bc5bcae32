package com.example.oauth.common.testing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL statements H2 runs while an action runs, as H2 itself counts them
 * ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}): JPA's and plain SQL alike.
 * The count is database-wide, so a background job's statement in between
 * counts too.
 */
public final class H2Statements {

    private H2Statements() {
    }

    /** Each statement as "{count}x {sql}", sorted by its SQL. */
    public static List<String> during(JdbcTemplate jdbc, Runnable action) {
        jdbc.execute("set query_statistics true");
        try {
            action.run();
            return jdbc.query("select sql_statement, execution_count from information_schema.query_statistics"
                    + " where sql_statement not like '%query_statistics%' order by sql_statement",
                    (row, number) -> row.getInt(2) + "x " + row.getString(1));
        } finally {
            // Turning them off also forgets them.
            jdbc.execute("set query_statistics false");
        }
    }
}
