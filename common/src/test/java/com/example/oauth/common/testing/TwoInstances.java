package com.example.oauth.common.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of a step's provider in the postgres profile, on one
 * database of the test JVM's {@link PostgresServer}, as two machines behind
 * one load balancer would run them. Started once per JVM and shared by every
 * test that asks (each start takes seconds); stopped when the JVM ends.
 */
public final class TwoInstances {

    /** The issuer both instances name, as instances behind one address do (DESIGN.md). */
    public static final String ISSUER = "http://provider.test";

    private static final Map<Class<?>, TwoInstances> STARTED = new HashMap<>();

    private final Instance a;
    private final Instance b;
    private final JdbcTemplate jdbc;
    private final ThreadLocal<Instance> target = new ThreadLocal<>();

    /** One running instance: its application context and its base URL. */
    public record Instance(String name, ConfigurableApplicationContext context, int port) {

        public String url() {
            return "http://127.0.0.1:" + port;
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    private TwoInstances(Instance a, Instance b) {
        this.a = a;
        this.b = b;
        this.jdbc = a.bean(JdbcTemplate.class);
    }

    /** The two instances of this application, started on first call. */
    public static synchronized TwoInstances of(Class<?> application) {
        TwoInstances started = STARTED.get(application);
        if (started == null) {
            String database = PostgresServer.newDatabase("provider" + STARTED.size());
            started = new TwoInstances(start("A", application, database), start("B", application, database));
            STARTED.put(application, started);
        }
        return started;
    }

    public Instance a() {
        return a;
    }

    public Instance b() {
        return b;
    }

    /** The instance this thread's requests go to: A, until {@link #use} names the other. */
    public Instance target() {
        Instance instance = target.get();
        return instance == null ? a : instance;
    }

    /** From now on, this thread's requests go to that instance. */
    public void use(Instance instance) {
        target.set(instance);
    }

    /** Copies of a request for that many threads, half of them sending it to each instance. */
    public <T> List<Supplier<T>> spread(int copies, Supplier<T> request) {
        List<Supplier<T>> requests = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            Instance instance = i % 2 == 0 ? a : b;
            requests.add(() -> {
                use(instance);
                return request.get();
            });
        }
        return requests;
    }

    /** Both, A first. */
    public List<Instance> both() {
        return List.of(a, b);
    }

    /**
     * Runs an action on both instances at the same moment, each in its own
     * thread, as two schedulers would; rethrows what either threw.
     */
    public void atOnce(Consumer<Instance> action) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Instance instance : both()) {
                runs.add(pool.submit(() -> {
                    start.await();
                    action.accept(instance);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** SQL on the shared database. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    private static Instance start(String name, Class<?> application, String databaseUrl) {
        ConfigurableApplicationContext context = run(application, databaseUrl);
        PostgresServer.closeBeforeServer(context);
        return new Instance(name, context,
                Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /**
     * Starts the application in the postgres profile on that database, as a
     * reader would on the command line; throws what stopped it, if anything.
     */
    public static ConfigurableApplicationContext run(Class<?> application, String databaseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--oauth2.issuer=" + ISSUER,
                // The tests call the purge themselves, never in the middle of a count.
                "--oauth1.purge-interval=PT1H",
                "--oauth2.purge-interval=PT1H"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(application).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }
}
