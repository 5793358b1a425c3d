package dev.jaxvm;

import dev.jaxvm.core.ArrayType;
import dev.jaxvm.core.Trace;
import dev.jaxvm.lax.CustomJvpCall;
import dev.jaxvm.lax.CustomVjpCall;
import dev.jaxvm.lax.Remat;
import dev.jaxvm.transform.Hoisted;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Binding of the user-rule primitives: the function is traced to a Jaxpr, its constants hoisted to operands. */
final class CustomRules {
    private CustomRules() {}

    private static Hoisted trace(Autodiff.ArrayFn f, Array[] args) {
        List<ArrayType> types = new ArrayList<>(args.length);
        for (Array a : args) types.add(a.type());
        return Hoisted.trace(xs -> List.of(f.apply(xs.toArray(Array[]::new))), types);
    }

    static Array customJvp(String name, Autodiff.ArrayFn f, CustomJvpRule rule, Array[] args) {
        Hoisted h = trace(f, args);
        return Trace.bind1(new CustomJvpCall(name, h.jaxpr(), rule, h.consts().size()),
                h.operands(Arrays.asList(args)).toArray(Array[]::new));
    }

    static Array customVjp(String name, Autodiff.ArrayFn f, CustomVjpFwd fwd, CustomVjpBwd bwd, Array[] args) {
        Hoisted h = trace(f, args);
        return Trace.bind1(new CustomVjpCall(name, h.jaxpr(), fwd, bwd, h.consts().size()),
                h.operands(Arrays.asList(args)).toArray(Array[]::new));
    }

    static Array checkpoint(Autodiff.ArrayFn f, Array[] args) {
        Hoisted h = trace(f, args);
        return Trace.bind1(new Remat(h.jaxpr(), false), h.operands(Arrays.asList(args)).toArray(Array[]::new));
    }
}
