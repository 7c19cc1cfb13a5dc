package cn.tcsubsidy.engine.feel;

import camundajar.impl.scala.Function1;
import camundajar.impl.scala.Option;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.valuemapper.CustomValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * feel-scala's {@link CompositeValueMapper} (the same mappers in the same order of priority, the same failures), as a
 * plain loop: the Scala one leaves its {@code for} loop with a non-local {@code return}, which throws and catches a
 * control exception for every value it maps, and FEEL maps every variable it reads and every result.
 */
final class OrderedValueMapper implements ValueMapper {

    private final CustomValueMapper[] mappers;
    private final Function1<Object, Val> inner = this::toVal;
    private final Function1<Val, Object> innerUnpack = this::unpackVal;

    OrderedValueMapper(CompositeValueMapper composite) {
        mappers = new CustomValueMapper[composite.customMappersByPriority().size()];
        composite.customMappersByPriority().copyToArray(mappers);
    }

    @Override
    public Val toVal(Object x) {
        for (CustomValueMapper mapper : mappers) {
            Option<Val> value = mapper.toVal(x, inner);
            if (value.isDefined()) {
                return value.get();
            }
        }
        throw new IllegalArgumentException("no value mapper found for '" + x + "' ('" + x.getClass() + "')");
    }

    @Override
    public Object unpackVal(Val value) {
        for (CustomValueMapper mapper : mappers) {
            Option<Object> x = mapper.unpackVal(value, innerUnpack);
            if (x.isDefined()) {
                return x.get();
            }
        }
        throw new IllegalArgumentException("no value mapper found for '" + value + "'");
    }
}
