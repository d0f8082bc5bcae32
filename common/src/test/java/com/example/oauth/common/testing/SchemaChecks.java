package com.example.oauth.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * In the postgres profile, a provider started on a database whose tables are
 * not what its migrations make stops at start-up, and says what is wrong,
 * rather than fail later on some request. Every step with that profile
 * (step03 on) runs these tests on its own provider and migrations, in its
 * {@code SchemaCheckTest}.
 */
public abstract class SchemaChecks {

    private final Class<?> application;

    /** @param application the step's provider: its Spring Boot application class */
    protected SchemaChecks(Class<?> application) {
        this.application = application;
    }

    @Test
    void aColumnMissingFromTheMigratedSchemaIsNamed() {
        String url = PostgresServer.newDatabase("renamed_column");
        // The step's own scripts, from its classpath (db/migration).
        Flyway.configure().dataSource(url, "postgres", null).load().migrate();
        sql(url, "alter table users rename column username to name");

        assertThat(startFailure(url)).contains("missing column [username] in table [users]");
    }

    @Test
    void tablesThatFlywayDidNotMakeAreNotAdopted() {
        String url = PostgresServer.newDatabase("unmanaged");
        sql(url, "create table users (id bigint primary key, username varchar(40))");

        assertThat(startFailure(url)).contains("non-empty schema(s) \"public\" but no schema history table");
    }

    private static void sql(String url, String statement) {
        SingleConnectionDataSource database = new SingleConnectionDataSource(url, "postgres", "", true);
        try {
            new JdbcTemplate(database).execute(statement);
        } finally {
            database.destroy();
        }
    }

    /** Starts the provider on that database; the messages of what stopped it, causes included. */
    private String startFailure(String url) {
        try {
            TwoInstances.run(application, url).close();
        } catch (RuntimeException stopped) {
            List<String> messages = new ArrayList<>();
            for (Throwable t = stopped; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            return String.join("\n", messages);
        }
        return fail("The provider started on a database whose schema is not its own.");
    }
}
