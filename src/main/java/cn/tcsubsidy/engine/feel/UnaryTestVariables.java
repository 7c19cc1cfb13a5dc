package cn.tcsubsidy.engine.feel;

import camundajar.impl.scala.Option;
import camundajar.impl.scala.Some;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.immutable.Map;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.context.VariableProvider;

/**
 * A unary test's variables as Camunda's ScalaFeelEngine gives them (the name of the input variable first, then the
 * DMN variable context), answered without the Scala composite's non-local return (a control exception per lookup).
 */
final class UnaryTestVariables implements VariableProvider {

    private final String inputVariable;
    private final ContextVariableWrapper context;

    UnaryTestVariables(String inputVariable, ContextVariableWrapper context) {
        this.inputVariable = inputVariable;
        this.context = context;
    }

    @Override
    public Option<Object> getVariable(String name) {
        return CachingFeelEngine.INPUT_VARIABLE.equals(name) ? new Some<>(inputVariable) : context.getVariable(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<String> keys() {
        Map<String, Object> input = new Map.Map1<>(CachingFeelEngine.INPUT_VARIABLE, inputVariable);
        return new CompositeVariableProvider(CachingFeelEngine.scalaList(new StaticVariableProvider(input), context))
                .keys();
    }
}
