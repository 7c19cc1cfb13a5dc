package cn.tcsubsidy.engine.feel;

import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.jdk.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.AtLeastOne;
import org.camunda.feel.syntaxtree.ConstBool;
import org.camunda.feel.syntaxtree.ConstNull$;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.UnaryTestExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * The DMN engine's FEEL engine (Camunda's {@link ScalaFeelEngine}, same value mappers, custom functions, clock and
 * validation), without the two costs feel-scala 1.19 pays on every evaluation through the API Camunda calls
 * (feel-scala issue #1149):
 * <ul>
 * <li>parsing: each expression and each unary test is parsed and validated once, by its text, and kept in a bounded
 * cache ({@link #MAX_CACHED} per kind; when one is full it is emptied and refilled);</li>
 * <li>the root context: feel-scala builds a new {@code BuiltinFunctions} table (every built-in function, several map
 * concatenations) for every evaluation; here it is built once per engine, with the custom functions behind it in the
 * same order, and only the per-evaluation parts are new (the variables and the failure collector).</li>
 * <li>feel-scala's composite value mapper and composite variable provider leave their loops with Scala's non-local
 * return, a thrown control exception for every variable read and every value mapped; here the same mappers, in the
 * same order, and the same variables are looked up with plain loops ({@link OrderedValueMapper},
 * {@link UnaryTestVariables});</li>
 * <li>the unary test {@code -} (any input, most cells of a wide table): feel-scala parses it to the constant
 * {@code true}; that constant is answered without building a context. So is a unary test made only of string
 * literals ({@code "TECH_RETROFIT"}, {@code "A","B"}) on an input that is a text: feel-scala compares the strings, and
 * the answer is whether one is equal (any other input, or any other test, goes to the interpreter);</li>
 * <li>a simple expression that is a literal is evaluated once and its (immutable) value kept; one that is a bare
 * variable name whose value is a text, a boolean or null returns that value, as feel-scala's round trip through the
 * value mappers does (checked when the engine is built; other values go to the interpreter).</li>
 * </ul>
 * Evaluation itself is feel-scala's interpreter on the parsed expression, with feel-scala's own result handling
 * (assertion failures, errors, the value mapper's unpacking) and the same failure messages. Thread-safe: the
 * cache is concurrent, parsed expressions and the function table are immutable, and every evaluation gets its own
 * context and failure collector.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

    /** Distinct expression texts kept per kind (simple expressions, unary tests). */
    public static final int MAX_CACHED = 10_000;

    static final String INPUT_VARIABLE = INPUT_VARIABLE_NAME;

    /** What feel-scala's parser makes of the unary test "-" (any input). */
    private static final ConstBool ANY_INPUT = new ConstBool(true);

    private final ValueMapper valueMapper;
    private final FunctionProvider functions;
    private final FeelInterpreter interpreter;
    private final ParseCache expressions;
    private final ParseCache unaryTests;
    /** Whether the value mappers map a Java string to the FEEL string of the same text (checked, not assumed). */
    private final boolean stringsMapToThemselves;
    /** Whether a text, a boolean and null come back from the value mappers as they went in (checked, not assumed). */
    private final boolean plainValuesRoundTrip;

    public CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
        this(functionProviders, MAX_CACHED);
    }

    CachingFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders, int maxCached) {
        super(functionProviders);
        valueMapper = feelEngine.valueMapper() instanceof CompositeValueMapper composite
                ? new OrderedValueMapper(composite) : feelEngine.valueMapper();
        // As feel-scala's FeelEngine.rootContext() has it: the built-ins first, then the engine's function provider.
        functions = new FunctionProvider.CompositeFunctionProvider(
                scalaList(new BuiltinFunctions(feelEngine.clock(), valueMapper), feelEngine.functionProvider()));
        interpreter = new FeelInterpreter(valueMapper);
        expressions = new ParseCache(feelEngine::parseExpression, false, maxCached);
        unaryTests = new ParseCache(feelEngine::parseUnaryTests, true, maxCached);
        stringsMapToThemselves = new ValString("TECH_RETROFIT").equals(valueMapper.toVal("TECH_RETROFIT"));
        plainValuesRoundTrip = stringsMapToThemselves && "TECH_RETROFIT".equals(valueMapper.unpackVal(
                valueMapper.toVal("TECH_RETROFIT"))) && Boolean.TRUE.equals(valueMapper.unpackVal(valueMapper.toVal(true)))
                && Boolean.FALSE.equals(valueMapper.unpackVal(valueMapper.toVal(false)))
                && valueMapper.unpackVal(valueMapper.toVal(null)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        Parsed parsed = expressions.parsed(expression);
        Object constant = parsed.constant;
        if (constant != Parsed.UNKNOWN) {
            // A literal (text, number, boolean, null): its value reads no variable; it was evaluated once, below.
            return (T) constant;
        }
        if (parsed.variable != null && plainValuesRoundTrip && variableContext.containsVariable(parsed.variable)) {
            Object value = variableContext.resolve(parsed.variable).getValue();
            if (value == null || value instanceof String || value instanceof Boolean) {
                // A bare variable name whose value is a text, a boolean or null: feel-scala maps it to FEEL and
                // back, which gives the same value (checked for these kinds when the engine was built).
                return (T) value;
            }
        }
        Object value = evaluate(parsed.result(), new ContextVariableWrapper(variableContext));
        if (parsed.literal && (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Long || value instanceof Double || value instanceof java.math.BigDecimal)) {
            parsed.constant = value;
        }
        return (T) value;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Parsed parsed = unaryTests.parsed(expression);
        if (parsed.anyInput) {
            // "-": feel-scala parses it to the constant true, whose evaluation reads nothing and cannot fail.
            return true;
        }
        if (parsed.literals != null && stringsMapToThemselves && variableContext.containsVariable(inputVariable)
                && variableContext.resolve(inputVariable).getValue() instanceof String input) {
            // "A" or "A","B" on a text input: feel-scala compares the two strings (unaryTestExpression, then
            // checkEquality; atLeastOne for the list) and nothing can fail; true exactly when one is equal.
            for (String literal : parsed.literals) {
                if (literal.equals(input)) {
                    return true;
                }
            }
            return false;
        }
        VariableProvider variables = new UnaryTestVariables(inputVariable, new ContextVariableWrapper(variableContext));
        return BoxesRunTime.unboxToBoolean(evaluate(parsed.result, variables));
    }

    @SafeVarargs
    static <T> List<T> scalaList(T... elements) {
        return CollectionConverters.ListHasAsScala(Arrays.asList(elements)).asScala().toList();
    }

    /** Number of cached parses, simple expressions and unary tests together (for tests). */
    int cachedParses() {
        return expressions.size() + unaryTests.size();
    }

    private Object evaluate(Either<Failure, ParsedExpression> parsed, VariableProvider variables) {
        if (parsed instanceof Left<Failure, ParsedExpression> left) {
            throw LOGGER.evaluationException(left.value().message());
        }
        ParsedExpression expression = ((Right<Failure, ParsedExpression>) parsed).value();
        EvalContext context = new EvalContext(valueMapper, variables, functions, new EvaluationFailureCollector());
        Val value;
        try {
            value = interpreter.eval(expression.expression(), context);
        } catch (RuntimeException e) {
            // FeelEngine.evaluate recovers a thrown exception into a failure with this message.
            throw LOGGER.evaluationException(
                    "failed to evaluate expression '" + expression.text() + "' : " + e);
        }
        String assertion = assertionFailure(context.failureCollector().failures());
        if (assertion != null) {
            throw LOGGER.evaluationException(
                    "Assertion failure on evaluate the expression '" + expression.text() + "': " + assertion);
        }
        if (value instanceof ValError error) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + expression.text() + "': " + error.error());
        }
        if (value instanceof ValFatalError error) {
            throw LOGGER.evaluationException("failed to evaluate expression '" + expression.text() + "': " + error.error());
        }
        return valueMapper.unpackVal(value);
    }

    private static String assertionFailure(List<EvaluationFailure> failures) {
        Iterator<EvaluationFailure> it = failures.iterator();
        while (it.hasNext()) {
            EvaluationFailure failure = it.next();
            if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
                return failure.failureMessage();
            }
        }
        return null;
    }

    /**
     * A parse result (success or failure; both depend on the text only), with what can be answered without the
     * interpreter: for a unary test, whether it is "-", or the string literals it is made of ({@code "A"} or
     * {@code "A","B"}); for a simple expression, whether it is a literal (and then its value, once known), or the name
     * of the one variable it reads.
     */
    static final class Parsed {
        static final Object UNKNOWN = new Object();

        final Either<Failure, ParsedExpression> result;
        final boolean anyInput;
        final String[] literals;
        final boolean literal;
        final String variable;
        /** A literal's value once evaluated (immutable kinds only), else {@link #UNKNOWN}. */
        volatile Object constant = UNKNOWN;

        private Parsed(Either<Failure, ParsedExpression> result, boolean anyInput, String[] literals, boolean literal,
                       String variable) {
            this.result = result;
            this.anyInput = anyInput;
            this.literals = literals;
            this.literal = literal;
            this.variable = variable;
        }

        Either<Failure, ParsedExpression> result() {
            return result;
        }

        static Parsed of(Either<Failure, ParsedExpression> result, boolean unaryTest) {
            if (!(result instanceof Right<Failure, ParsedExpression> right)) {
                return new Parsed(result, false, null, false, null);
            }
            Exp exp = right.value().expression();
            if (!unaryTest) {
                boolean literal = exp instanceof ConstString || exp instanceof ConstBool || exp instanceof ConstNumber
                        || exp == ConstNull$.MODULE$;
                String variable = exp instanceof Ref ref && ref.names().size() == 1 ? ref.names().head() : null;
                return new Parsed(result, false, null, literal, variable);
            }
            if (ANY_INPUT.equals(exp)) {
                return new Parsed(result, true, null, false, null);
            }
            List<Exp> tests = exp instanceof AtLeastOne any ? any.xs() : scalaList(exp);
            String[] literals = new String[tests.size()];
            Iterator<Exp> it = tests.iterator();
            for (int i = 0; it.hasNext(); i++) {
                if (it.next() instanceof UnaryTestExpression test && test.exp() instanceof ConstString literal) {
                    literals[i] = literal.value();
                } else {
                    return new Parsed(result, false, null, false, null);
                }
            }
            return new Parsed(result, false, literals, false, null);
        }
    }

    /** Parse results by expression text, bounded. */
    private static final class ParseCache {
        private final ConcurrentHashMap<String, Parsed> parsed = new ConcurrentHashMap<>();
        private final Function<String, Either<Failure, ParsedExpression>> parser;
        private final boolean unaryTests;
        private final int max;

        ParseCache(Function<String, Either<Failure, ParsedExpression>> parser, boolean unaryTests, int max) {
            this.parser = parser;
            this.unaryTests = unaryTests;
            this.max = max;
        }

        Parsed parsed(String text) {
            Parsed result = parsed.get(text);
            if (result == null) {
                result = Parsed.of(parser.apply(text), unaryTests);
                if (parsed.size() >= max) {
                    parsed.clear();
                }
                parsed.putIfAbsent(text, result);
            }
            return result;
        }

        int size() {
            return parsed.size();
        }
    }
}
