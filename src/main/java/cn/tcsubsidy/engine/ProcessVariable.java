package cn.tcsubsidy.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One variable of a process: its name (as the model's expressions and the instances' data know it) and its kind,
 * read and written in one way wherever the app touches it. Each process's definitions class holds one per variable
 * ({@code TcProjectProcess.Vars} …); code reads {@code Vars.ROUND_YEAR.get(execution)} instead of casting
 * {@code execution.getVariable("roundYear")}.
 *
 * <p>{@link #get} requires the variable: missing or of another kind it is an {@link IllegalStateException} naming
 * the variable, the kind expected and what was found. {@link #find} is the optional read (absent or null: empty; of
 * another kind: the same exception). Numbers are read from any {@link Number} that holds the value exactly (the
 * engine, a REST body and a history read give Integer, Long or Double for the same value); money is kept as a
 * double (the engine would store a BigDecimal as a serialized object) and read as a BigDecimal.
 *
 * @param <T> the Java type the app uses for the variable
 */
public final class ProcessVariable<T> {

    private final String name;
    private final String kind;
    /** The value as the app uses it, or null when the stored value is not of this kind (never called with null). */
    private final Function<Object, T> reader;
    /** The value as the engine stores it (never called with null). */
    private final Function<T, Object> writer;

    private ProcessVariable(String name, String kind, Function<Object, T> reader, Function<T, Object> writer) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process variable needs a name");
        }
        this.name = name;
        this.kind = kind;
        this.reader = reader;
        this.writer = writer;
    }

    /** A String. */
    public static ProcessVariable<String> text(String name) {
        return of(name, String.class, "text");
    }

    /** A database id: a Long, read from any whole {@link Number}. */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, "id (whole number)", ProcessVariable::exactLong, v -> v);
    }

    /** A whole number in int range (a year, a count, a seat): an Integer, read from any whole {@link Number}. */
    public static ProcessVariable<Integer> wholeNumber(String name) {
        return new ProcessVariable<>(name, "whole number", value -> {
            Long l = exactLong(value);
            return l == null || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? null : l.intValue();
        }, v -> v);
    }

    /** A Boolean (a gateway's condition). */
    public static ProcessVariable<Boolean> flag(String name) {
        return of(name, Boolean.class, "flag (Boolean)");
    }

    /** A {@link Date} (a timer's date, a task's due date). */
    public static ProcessVariable<Date> date(String name) {
        return of(name, Date.class, "date");
    }

    /** An amount in yuan: stored as a Double (what the forms show and submit), read as a BigDecimal from any Number. */
    public static ProcessVariable<BigDecimal> money(String name) {
        return new ProcessVariable<>(name, "money (number)", ProcessVariable::decimal, BigDecimal::doubleValue);
    }

    /** A map with text keys: a decision's single result ({@code camunda:mapDecisionResult="singleResult"}). */
    @SuppressWarnings("unchecked")
    public static ProcessVariable<Map<String, Object>> map(String name) {
        return new ProcessVariable<>(name, "map",
                value -> value instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)
                        ? (Map<String, Object>) m : null,
                v -> v);
    }

    /** Any other value the engine stores as it is (an enum, a serializable value): read when it is a {@code type}. */
    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return of(name, type, type.getSimpleName());
    }

    private static <T> ProcessVariable<T> of(String name, Class<T> type, String kind) {
        Objects.requireNonNull(type, "type");
        return new ProcessVariable<>(name, kind, value -> type.isInstance(value) ? type.cast(value) : null, v -> v);
    }

    public String name() {
        return name;
    }

    // --- reads -------------------------------------------------------------------------------------------------

    /** The variable as the scope sees it (its own or an enclosing scope's); required. */
    public T get(VariableScope scope) {
        return require(scope.getVariable(name), () -> where(scope));
    }

    /** The variable as the scope sees it; empty when absent or null. */
    public Optional<T> find(VariableScope scope) {
        return convert(scope.getVariable(name), () -> where(scope));
    }

    /** The scope's own (local) variable; required. */
    public T getLocal(VariableScope scope) {
        return require(scope.getVariableLocal(name), () -> where(scope) + " (local)");
    }

    /** The scope's own (local) variable; empty when absent or null. */
    public Optional<T> findLocal(VariableScope scope) {
        return convert(scope.getVariableLocal(name), () -> where(scope) + " (local)");
    }

    /** From a map of variables (an instance's or a task's variables, a submission, a history or REST read); required. */
    public T get(Map<String, ?> variables) {
        return require(variables.get(name), () -> "in the variables given");
    }

    /** From a map of variables; empty when absent or null. */
    public Optional<T> find(Map<String, ?> variables) {
        return convert(variables.get(name), () -> "in the variables given");
    }

    /** From an execution (a process instance's id for its own variables) through the runtime service; required. */
    public T get(RuntimeService runtime, String executionId) {
        return require(runtime.getVariable(executionId, name), () -> "of execution " + executionId);
    }

    /** From an execution through the runtime service; empty when absent or null. */
    public Optional<T> find(RuntimeService runtime, String executionId) {
        return convert(runtime.getVariable(executionId, name), () -> "of execution " + executionId);
    }

    /** A task's own (local) variable through the task service; required. */
    public T getLocal(TaskService tasks, String taskId) {
        return require(tasks.getVariableLocal(taskId, name), () -> "of task " + taskId + " (local)");
    }

    // --- writes ------------------------------------------------------------------------------------------------

    /** Sets the variable where the scope finds it (or on the scope's process instance when it is new). */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, stored(value));
    }

    /** Sets the scope's own (local) variable: a task's copy its form shows. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, stored(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Sets the variable of an execution through the runtime service. */
    public void set(RuntimeService runtime, String executionId, T value) {
        runtime.setVariable(executionId, name, stored(value));
    }

    /** Sets a task's own (local) variable through the task service. */
    public void setLocal(TaskService tasks, String taskId, T value) {
        tasks.setVariableLocal(taskId, name, stored(value));
    }

    /**
     * Puts the variable into a map of variables (a start's, a correlation's, a completion's, a {@code VariableMap});
     * returns the map.
     */
    public <M extends Map<String, Object>> M putInto(M variables, T value) {
        variables.put(name, stored(value));
        return variables;
    }

    /** The variable alone, as a map for a builder's {@code setVariables(...)}; a null value is kept as null. */
    public Map<String, Object> entry(T value) {
        return Collections.singletonMap(name, stored(value));
    }

    /** The value as the engine stores it (money as a Double): for a query's {@code variableValueEquals}. */
    public Object stored(T value) {
        return value == null ? null : writer.apply(value);
    }

    @Override
    public String toString() {
        return name + " (" + kind + ")";
    }

    // --- conversions -------------------------------------------------------------------------------------------

    private T require(Object value, Supplier<String> where) {
        return convert(value, where).orElseThrow(() -> new IllegalStateException(
                "process variable '" + name + "' (" + kind + ") is not set " + where.get()));
    }

    private Optional<T> convert(Object value, Supplier<String> where) {
        if (value == null) {
            return Optional.empty();
        }
        T converted = reader.apply(value);
        if (converted == null) {
            throw new IllegalStateException("process variable '" + name + "' " + where.get() + " is a "
                    + value.getClass().getName() + " (" + shortText(value) + "), expected " + kind);
        }
        return Optional.of(converted);
    }

    private static String where(VariableScope scope) {
        if (scope instanceof DelegateTask task) {
            return "on task " + task.getTaskDefinitionKey() + " of process instance " + task.getProcessInstanceId();
        }
        if (scope instanceof DelegateExecution execution) {
            return "in process instance " + execution.getProcessInstanceId() + " at " + execution.getCurrentActivityId();
        }
        return "in " + scope.getVariableScopeKey();
    }

    private static String shortText(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** The exact whole value of a number, or null when it is no number or has a fraction or is out of long range. */
    private static Long exactLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal d = decimal(value);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return null;
    }
}
