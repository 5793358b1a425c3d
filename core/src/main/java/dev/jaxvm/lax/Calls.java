package dev.jaxvm.lax;

import dev.jaxvm.Array;
import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.DenseArray;
import dev.jaxvm.ir.ClosedJaxpr;
import dev.jaxvm.ir.JaxprEval;
import java.util.ArrayList;
import java.util.List;

/** Type checking and evaluation shared by the primitives that call a Jaxpr. */
final class Calls {
    private Calls() {}

    /** The Jaxpr's output types, after checking the operands against its inputs. */
    static List<ArrayType> check(String name, ClosedJaxpr j, List<ArrayType> in) {
        List<ArrayType> want = j.inTypes();
        if (want.size() != in.size()) {
            throw new IllegalArgumentException(name + " takes " + want.size() + " operands, got " + in.size());
        }
        for (int i = 0; i < in.size(); i++) {
            if (!want.get(i).shape().equals(in.get(i).shape()) || want.get(i).dtype() != in.get(i).dtype()) {
                throw new IllegalArgumentException(name + ": operand " + i + " has type " + in.get(i)
                        + " but the called Jaxpr expects " + want.get(i));
            }
        }
        return j.outTypes();
    }

    /** Runs the Jaxpr on concrete operands. */
    static List<DenseArray> eval(ClosedJaxpr j, List<DenseArray> in) {
        List<DenseArray> out = new ArrayList<>();
        for (Array a : JaxprEval.eval(j, in)) out.add((DenseArray) a);
        return out;
    }
}
