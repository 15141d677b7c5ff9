package io.syncwatch.platform.scheduling;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Builds the one db-scheduler {@link Scheduler} from every {@link Task} bean of every module
 * (recurring tasks are registered on start) on the application's DataSource. Scheduling joins the
 * caller's transaction (the DataSource is transaction-aware), so a module can record something and
 * schedule its execution atomically. {@code syncwatch.scheduling.enabled=false} keeps the scheduler
 * from executing anything on this instance (one-off commands, tests that drive jobs by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SchedulingSettings.class, EventsSettings.class })
class SchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /** The table this context's scheduler uses (a private one is created here and dropped on stop). */
    record TableName(String value, boolean temporary) {
    }

    @Bean
    @DependsOnDatabaseInitialization
    TableName schedulerTableName(SchedulingSettings settings, DataSource dataSource) {
        if (!settings.privateTable()) {
            return new TableName(settings.table(), false);
        }
        String table = settings.table() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        // utf8mb4 spelled out: the table may be created before the migrations' charset callback has
        // switched a latin1 database's default (seen on a database created latin1)
        boolean mysqlFamily = product != null && (product.contains("MySQL") || product.contains("MariaDB"));
        jdbc.execute(SchedulerTable.ddl(table) + (mysqlFamily ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : ""));
        return new TableName(table, true);
    }

    @Bean
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulingSettings settings, TableName tableName) {
        String table = tableName.value();
        // recurring tasks are registered as start tasks (which also makes them known), the rest as known tasks
        @SuppressWarnings({ "unchecked", "rawtypes" })
        List<OnStartup> startTasks = (List) tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        var builder = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .tableName(table)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .threads(settings.threads())
                .enableImmediateExecution();
        if (!startTasks.isEmpty()) {
            builder.startTasks((List) startTasks);
        }
        Scheduler scheduler = builder.build();
        log.info("Scheduler on table {}: {} task(s), {}, dead executions revived after {}", table, tasks.size(),
                settings.enabled() ? "executing" : "NOT executing (syncwatch.scheduling.enabled=false)",
                settings.deadAfter());
        return scheduler;
    }

    /**
     * Starts the scheduler with the application; a context stop (Spring's test contexts are paused
     * when not in use) pauses it, and only the context's close stops it for good: running
     * executions are told the scheduler shuts down (an import stops after its current page) and
     * waited for up to {@code shutdown-max-wait}.
     */
    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, SchedulingSettings settings, TableName table,
            DataSource dataSource) {
        return new SchedulerLifecycle(scheduler, settings, table, dataSource);
    }

    static final class SchedulerLifecycle implements SmartLifecycle, DisposableBean {
        private final Scheduler scheduler;
        private final SchedulingSettings settings;
        private final TableName table;
        private final DataSource dataSource;
        private volatile boolean started;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler, SchedulingSettings settings, TableName table, DataSource dataSource) {
            this.scheduler = scheduler;
            this.settings = settings;
            this.table = table;
            this.dataSource = dataSource;
        }

        @Override
        public void start() {
            if (settings.enabled()) {
                if (started) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                    started = true;
                }
            }
            running = true;
        }

        @Override
        public void stop() {
            if (started) {
                scheduler.pause();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void destroy() {
            if (started) {
                scheduler.stop();
            }
            if (table.temporary()) {
                try {
                    new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS " + table.value());
                } catch (RuntimeException e) {
                    log.warn("Private scheduler table {} was not dropped: {}", table.value(), e.toString());
                }
            }
        }
    }

    /** Host, process and a random part: two instances on one host (or two contexts in one JVM) differ. */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        String name = host.length() > 24 ? host.substring(0, 24) : host;
        return name + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
