package io.syncwatch.platform.scheduling;

/** db-scheduler's table, as the migration creates it, under another name (a private table). */
final class SchedulerTable {

    private SchedulerTable() {
    }

    static String ddl(String table) {
        return """
                CREATE TABLE IF NOT EXISTS %1$s (
                    task_name VARCHAR(100) NOT NULL,
                    task_instance VARCHAR(100) NOT NULL,
                    task_data BLOB,
                    execution_time TIMESTAMP(6) NOT NULL,
                    picked BOOLEAN NOT NULL,
                    picked_by VARCHAR(50),
                    last_success TIMESTAMP(6) NULL,
                    last_failure TIMESTAMP(6) NULL,
                    consecutive_failures INT,
                    last_heartbeat TIMESTAMP(6) NULL,
                    version BIGINT NOT NULL,
                    priority SMALLINT,
                    PRIMARY KEY (task_name, task_instance)
                )""".formatted(table);
    }
}
