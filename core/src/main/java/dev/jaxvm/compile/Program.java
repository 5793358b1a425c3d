package dev.jaxvm.compile;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compiled program before code generation: numbered buffers (the inputs first, then constants,
 * intermediates and results) and the kernels that fill them, in order.
 * {@link #toString()} is the readable kernel listing ({@code .asText()}).
 *
 * @param buffers the type of each buffer
 * @param inputs how many leading buffers are the program's inputs
 * @param constants the values of the constant buffers, by buffer number
 * @param kernels the kernels, in execution order
 * @param outputs the buffers holding the program's results
 */
public record Program(List<ArrayType> buffers, int inputs, Map<Integer, DenseArray> constants, List<Kernel> kernels,
                      List<Integer> outputs) {
    public Program {
        buffers = List.copyOf(buffers);
        constants = Map.copyOf(constants);
        kernels = List.copyOf(kernels);
        outputs = List.copyOf(outputs);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("program(");
        for (int i = 0; i < inputs; i++) b.append(i > 0 ? ", " : "").append('b').append(i).append(':').append(buffers.get(i));
        if (!constants.isEmpty()) {
            b.append("; consts");
            for (int i : new TreeMap<>(constants).keySet()) b.append(" b").append(i).append(':').append(buffers.get(i));
        }
        b.append(") -> (");
        for (int i = 0; i < outputs.size(); i++) b.append(i > 0 ? ", " : "").append('b').append(outputs.get(i));
        b.append(')');
        for (int k = 0; k < kernels.size(); k++) b.append("\nk").append(k).append(": ").append(kernels.get(k));
        return b.toString();
    }
}
