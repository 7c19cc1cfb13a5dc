package cn.tcsubsidy.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL the application sends to its database, per stage of a benchmark: a {@link BeanPostProcessor} wraps
 * every {@link DataSource} bean of the context in a counting proxy (plain {@link Proxy}s over DataSource, Connection,
 * Statement, PreparedStatement and CallableStatement). Everything that reads the {@code DataSource} bean goes through
 * it: Flyway, Spring JDBC ({@code JdbcClient}, the {@code DataSourceTransactionManager}) and the Camunda engine, which
 * the starter gives the same bean and the same Spring transaction manager (DefaultDatasourceConfiguration; the engine
 * wraps it once more in a TransactionAwareDataSourceProxy), so the engine's MyBatis statements are counted too.
 * <p>
 * Use it with {@code @Import(SqlCounting.class)} on a Spring test, or as an extra source of a SpringApplication.
 * {@link #stage(String)} names the stage the following statements are counted under (one global label: stages run one
 * after another, possibly on several threads at once); {@link #snapshot()} gives the counts so far, {@link #reset()}
 * clears them. Before the first {@code stage} call statements count under {@value #STARTUP}.
 * <p>
 * What is counted, per stage:
 * <ul>
 * <li>statements: every statement executed ({@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeLarge…}); a batch counts each statement in it as one statement, and the {@code executeBatch} call
 * itself is counted once more under {@code batches} (not under statements);</li>
 * <li>statements by kind, from the SQL's first keyword: select (also {@code with …}), insert, update, delete, other;</li>
 * <li>rows written: the sum of the update counts returned (executeUpdate, execute's update count, each batch result),
 * negative counts such as {@link Statement#SUCCESS_NO_INFO} ignored;</li>
 * <li>commits: {@link Connection#commit()} calls; autoCommits: statements executed on a connection in auto-commit
 * mode (each is a commit of its own); rollbacks: {@link Connection#rollback()} calls.</li>
 * </ul>
 *
 * <p>Deliberately not a {@code @Configuration}: it sits under the application's package, so the component scan would
 * put it into every test's context and wrap every {@code DataSource}. A context that counts imports it
 * ({@code @Import(SqlCounting.class)}, or as a source of the application); its {@code @Bean} method works in lite mode.
 */
public class SqlCounting {

    public static final String STARTUP = "startup";

    /** Counts of one stage. */
    public record Counts(long statements, long selects, long inserts, long updates, long deletes, long others,
                         long batches, long rowsWritten, long commits, long autoCommits, long rollbacks) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(statements + o.statements, selects + o.selects, inserts + o.inserts, updates + o.updates,
                    deletes + o.deletes, others + o.others, batches + o.batches, rowsWritten + o.rowsWritten,
                    commits + o.commits, autoCommits + o.autoCommits, rollbacks + o.rollbacks);
        }

        /** Transactions that ended in a commit: explicit commits plus auto-committed statements. */
        public long allCommits() {
            return commits + autoCommits;
        }
    }

    private static final class Counter {
        final LongAdder selects = new LongAdder();
        final LongAdder inserts = new LongAdder();
        final LongAdder updates = new LongAdder();
        final LongAdder deletes = new LongAdder();
        final LongAdder others = new LongAdder();
        final LongAdder batches = new LongAdder();
        final LongAdder rows = new LongAdder();
        final LongAdder commits = new LongAdder();
        final LongAdder autoCommits = new LongAdder();
        final LongAdder rollbacks = new LongAdder();

        void statement(Kind kind) {
            switch (kind) {
                case SELECT -> selects.increment();
                case INSERT -> inserts.increment();
                case UPDATE -> updates.increment();
                case DELETE -> deletes.increment();
                default -> others.increment();
            }
        }

        Counts counts() {
            long s = selects.sum();
            long i = inserts.sum();
            long u = updates.sum();
            long d = deletes.sum();
            long o = others.sum();
            return new Counts(s + i + u + d + o, s, i, u, d, o, batches.sum(), rows.sum(), commits.sum(),
                    autoCommits.sum(), rollbacks.sum());
        }
    }

    private record Current(String name, Counter counter) {
    }

    enum Kind {
        SELECT, INSERT, UPDATE, DELETE, OTHER
    }

    /** Stage name to counter, in the order the stages were first named. Guarded by itself. */
    private static final Map<String, Counter> COUNTERS = new LinkedHashMap<>();
    private static final AtomicReference<Current> CURRENT = new AtomicReference<>(current(STARTUP));
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    /**
     * With system property {@code bench.sql.texts=true}: per stage, each SQL text (whitespace folded, first 160
     * characters) with the number of times it ran, for {@link #topStatements}. Off by default (it costs a map lookup
     * per statement).
     */
    static final boolean TEXTS = Boolean.getBoolean("bench.sql.texts");
    private static final Map<String, Map<String, LongAdder>> BY_TEXT = new java.util.concurrent.ConcurrentHashMap<>();

    private static Current current(String name) {
        synchronized (COUNTERS) {
            return new Current(name, COUNTERS.computeIfAbsent(name, n -> new Counter()));
        }
    }

    /** From now on, statements count under {@code name} (created at its first use; counts add up if named again). */
    public static void stage(String name) {
        CURRENT.set(current(name));
    }

    /** The stage statements count under now. */
    public static String currentStage() {
        return CURRENT.get().name();
    }

    /** Forgets every count; the current stage's name stays, its counts start from zero. */
    public static void reset() {
        synchronized (COUNTERS) {
            COUNTERS.clear();
            BY_TEXT.clear();
            CURRENT.set(current(CURRENT.get().name()));
        }
    }

    /** The counts so far, per stage, in the order the stages were first named; an immutable copy. */
    public static Map<String, Counts> snapshot() {
        Map<String, Counts> copy = new LinkedHashMap<>();
        synchronized (COUNTERS) {
            COUNTERS.forEach((name, counter) -> copy.put(name, counter.counts()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * The {@code limit} SQL texts run most often in {@code stage}, most frequent first, with their counts; empty
     * unless {@code bench.sql.texts=true}.
     */
    public static List<Map.Entry<String, Long>> topStatements(String stage, int limit) {
        Map<String, LongAdder> texts = BY_TEXT.getOrDefault(stage, Map.of());
        return texts.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit).toList();
    }

    private static void text(String stage, String sql) {
        if (sql == null) {
            return;
        }
        String folded = sql.replaceAll("\\s+", " ").trim();
        String key = folded.length() > 160 ? folded.substring(0, 160) : folded;
        BY_TEXT.computeIfAbsent(stage, n -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Whether a DataSource bean was wrapped (false: the counts stay zero, e.g. without this configuration). */
    public static boolean installed() {
        return INSTALLED.get();
    }

    /** Whether {@code dataSource} is (or wraps, through Spring's proxies) a counting one. */
    public static boolean isCounting(DataSource dataSource) {
        DataSource d = dataSource;
        for (int i = 0; i < 5 && d != null; i++) {
            if (Proxy.isProxyClass(d.getClass()) && Proxy.getInvocationHandler(d) instanceof DataSourceHandler) {
                return true;
            }
            d = d instanceof org.springframework.jdbc.datasource.DelegatingDataSource delegating
                    ? delegating.getTargetDataSource() : null;
        }
        return false;
    }

    @Bean
    static BeanPostProcessor sqlCountingDataSourceWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource d && !isCounting(d)) {
                    INSTALLED.set(true);
                    return wrap(d);
                }
                return bean;
            }
        };
    }

    /** A counting DataSource over {@code target}. */
    public static DataSource wrap(DataSource target) {
        List<Class<?>> interfaces = new ArrayList<>(List.of(DataSource.class, AutoCloseable.class));
        return (DataSource) Proxy.newProxyInstance(SqlCounting.class.getClassLoader(), interfaces.toArray(Class[]::new),
                new DataSourceHandler(target));
    }

    static Kind kindOf(String sql) {
        if (sql == null) {
            return Kind.OTHER;
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return switch (sql.substring(start, i).toLowerCase(Locale.ROOT)) {
            case "select", "with", "values", "table" -> Kind.SELECT;
            case "insert", "merge" -> Kind.INSERT;
            case "update" -> Kind.UPDATE;
            case "delete" -> Kind.DELETE;
            default -> Kind.OTHER;
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** equals, hashCode, toString, unwrap and isWrapperFor of a proxy; null when {@code method} is none of them. */
    private static Object common(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                if (args != null && args.length == 1 && method.getParameterTypes()[0] == Object.class) {
                    return proxy == args[0];
                }
                return null;
            case "hashCode":
                return args == null || args.length == 0 ? System.identityHashCode(proxy) : null;
            case "toString":
                return args == null || args.length == 0 ? "SqlCounting[" + target + "]" : null;
            case "unwrap":
                if (args != null && args.length == 1 && args[0] instanceof Class<?> iface) {
                    return iface.isInstance(proxy) ? proxy : invoke(target, method, args);
                }
                return null;
            case "isWrapperFor":
                if (args != null && args.length == 1 && args[0] instanceof Class<?> iface) {
                    return iface.isInstance(proxy) || (Boolean) invoke(target, method, args);
                }
                return null;
            default:
                return null;
        }
    }

    private static final class DataSourceHandler implements InvocationHandler {
        private final DataSource target;

        DataSourceHandler(DataSource target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object common = common(proxy, target, method, args);
            if (common != null) {
                return common;
            }
            if ("close".equals(method.getName()) && (args == null || args.length == 0)) {
                if (target instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return null;
            }
            Object result = SqlCounting.invoke(target, method, args);
            if ("getConnection".equals(method.getName()) && result instanceof Connection c) {
                return Proxy.newProxyInstance(SqlCounting.class.getClassLoader(), new Class<?>[] {Connection.class},
                        new ConnectionHandler(c));
            }
            return result;
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection target;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object common = common(proxy, target, method, args);
            if (common != null) {
                return common;
            }
            String name = method.getName();
            switch (name) {
                case "commit" -> CURRENT.get().counter().commits.increment();
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        CURRENT.get().counter().rollbacks.increment();
                    }
                }
                default -> {
                }
            }
            Object result = SqlCounting.invoke(target, method, args);
            if (result instanceof Statement s) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(SqlCounting.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(s, target, (Connection) proxy, sql));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement target;
        private final Connection connection;
        private final Connection connectionProxy;
        /** The prepared SQL; null for a plain Statement. */
        private final String sql;
        private final Kind preparedKind;
        /** The kinds of the statements added to the pending batch. */
        private final List<Kind> batch = new ArrayList<>();
        private final List<String> batchTexts = new ArrayList<>();

        StatementHandler(Statement target, Connection connection, Connection connectionProxy, String sql) {
            this.target = target;
            this.connection = connection;
            this.connectionProxy = connectionProxy;
            this.sql = sql;
            this.preparedKind = sql == null ? Kind.OTHER : kindOf(sql);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object common = common(proxy, target, method, args);
            if (common != null) {
                return common;
            }
            String name = method.getName();
            boolean withSql = args != null && args.length > 0 && args[0] instanceof String;
            switch (name) {
                case "getConnection":
                    SqlCounting.invoke(target, method, args);
                    return connectionProxy;
                case "addBatch":
                    SqlCounting.invoke(target, method, args);
                    batch.add(withSql ? kindOf((String) args[0]) : preparedKind);
                    if (TEXTS) {
                        batchTexts.add(withSql ? (String) args[0] : sql);
                    }
                    return null;
                case "clearBatch":
                    SqlCounting.invoke(target, method, args);
                    batch.clear();
                    batchTexts.clear();
                    return null;
                case "executeBatch", "executeLargeBatch": {
                    Current current = CURRENT.get();
                    Counter counter = current.counter();
                    boolean auto = autoCommit();
                    List<Kind> kinds = new ArrayList<>(batch);
                    batch.clear();
                    if (TEXTS) {
                        batchTexts.forEach(t -> text(current.name(), t));
                        batchTexts.clear();
                    }
                    Object result = SqlCounting.invoke(target, method, args);
                    counter.batches.increment();
                    kinds.forEach(counter::statement);
                    if (auto) {
                        counter.autoCommits.increment();
                    }
                    long rows = 0;
                    if (result instanceof int[] counts) {
                        for (int c : counts) {
                            rows += Math.max(c, 0);
                        }
                    } else if (result instanceof long[] counts) {
                        for (long c : counts) {
                            rows += Math.max(c, 0);
                        }
                    }
                    counter.rows.add(rows);
                    return result;
                }
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate": {
                    Current current = CURRENT.get();
                    Counter counter = current.counter();
                    boolean auto = autoCommit();
                    Object result = SqlCounting.invoke(target, method, args);
                    counter.statement(withSql ? kindOf((String) args[0]) : preparedKind);
                    if (TEXTS) {
                        text(current.name(), withSql ? (String) args[0] : sql);
                    }
                    if (auto) {
                        counter.autoCommits.increment();
                    }
                    if (result instanceof Integer c) {
                        counter.rows.add(Math.max(c, 0));
                    } else if (result instanceof Long c) {
                        counter.rows.add(Math.max(c, 0));
                    } else if (Boolean.FALSE.equals(result)) {
                        // execute(): no result set, so an update count (MyBatis reads it the same way).
                        counter.rows.add(Math.max(target.getUpdateCount(), 0));
                    }
                    return result;
                }
                default:
                    return SqlCounting.invoke(target, method, args);
            }
        }

        private boolean autoCommit() {
            try {
                return connection.getAutoCommit();
            } catch (java.sql.SQLException e) {
                return false;
            }
        }
    }
}
