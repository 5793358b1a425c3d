package dev.jaxvm.compile;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the bytecode of a straight-line static method of {@link VectorMath} (and of the methods of
 * that class it calls) into a kernel in place of a call, so that C2 compiles the function's Vector API
 * calls as part of the kernel, which it always inlines ({@code @ForceInline}). A call left to C2 may
 * stay out of line (when C2 has already compiled the callee on its own into more than
 * {@code InlineSmallCode}, or past {@code NodeCountInliningCutoff}), and then every vector crossing it
 * is boxed: which of the two happens depends on the JIT's order of compilation, so the kernel's speed
 * varied threefold between runs. Only methods without branches, switches, throws or handlers are
 * copied ({@link #inlinable}); their static fields must be package-visible to the generated class.
 */
final class VectorInliner {
    private static final ClassDesc OWNER = ClassDesc.of("dev.jaxvm.compile.VectorMath");
    /** VectorMath's methods by name and descriptor (empty where its class file cannot be read). */
    private static final Map<String, CodeModel> METHODS = load();

    private VectorInliner() {}

    private static Map<String, CodeModel> load() {
        try (InputStream in = VectorInliner.class.getResourceAsStream("VectorMath.class")) {
            if (in == null) return Map.of();
            ClassModel cm = ClassFile.of().parse(in.readAllBytes());
            Map<String, CodeModel> m = new HashMap<>();
            for (MethodModel mm : cm.methods()) {
                if ((mm.flags().flagsMask() & ClassFile.ACC_STATIC) == 0) continue;
                mm.code().ifPresent(c -> m.put(mm.methodName().stringValue() + mm.methodType().stringValue(), c));
            }
            return Map.copyOf(m);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Whether {@code VectorMath.name(type)} and every VectorMath method it calls are straight-line code. */
    static boolean inlinable(String name, MethodTypeDesc type) {
        CodeModel code = METHODS.get(name + type.descriptorString());
        if (code == null) return false;
        List<CodeElement> elements = code.elementList();
        int last = -1;
        for (int i = 0; i < elements.size(); i++) if (elements.get(i) instanceof Instruction) last = i;
        for (int i = 0; i < elements.size(); i++) {
            switch (elements.get(i)) {
                case BranchInstruction b -> { return false; }
                case TableSwitchInstruction t -> { return false; }
                case LookupSwitchInstruction l -> { return false; }
                case ThrowInstruction t -> { return false; }
                case ExceptionCatch c -> { return false; }
                case ReturnInstruction r -> { if (i != last) return false; }
                case InvokeInstruction v when v.owner().asSymbol().equals(OWNER) -> {
                    if (!inlinable(v.name().stringValue(), v.typeSymbol())) return false;
                }
                default -> { }
            }
        }
        return true;
    }

    /**
     * Emits the body of {@code VectorMath.name(type)} (which must be {@link #inlinable}) with its
     * arguments on the stack, leaving its result there, as the call would.
     */
    static void inline(CodeBuilder code, String name, MethodTypeDesc type) {
        CodeModel body = METHODS.get(name + type.descriptorString());
        Map<Long, Integer> slots = new HashMap<>();
        List<ClassDesc> params = type.parameterList();
        int[] first = new int[params.size()];
        for (int i = 0, s = 0; i < params.size(); i++) {
            first[i] = s;
            s += TypeKind.from(params.get(i)).slotSize();
        }
        for (int i = params.size() - 1; i >= 0; i--) {
            TypeKind k = TypeKind.from(params.get(i));
            code.storeLocal(k, slot(code, slots, first[i], k));
        }
        for (CodeElement e : body) {
            switch (e) {
                case LoadInstruction l -> code.loadLocal(l.typeKind(), slot(code, slots, l.slot(), l.typeKind()));
                case StoreInstruction s -> code.storeLocal(s.typeKind(), slot(code, slots, s.slot(), s.typeKind()));
                case IncrementInstruction n -> code.iinc(slot(code, slots, n.slot(), TypeKind.INT), n.constant());
                case ReturnInstruction r -> { }   // the last instruction: the result stays on the stack
                case InvokeInstruction v when v.owner().asSymbol().equals(OWNER) ->
                        inline(code, v.name().stringValue(), v.typeSymbol());
                case Instruction i -> code.with(i);
                default -> { }   // labels, line numbers, local variable tables
            }
        }
    }

    /** The kernel's local for the method's local {@code slot} of kind {@code k} (a fresh one on first use). */
    private static int slot(CodeBuilder code, Map<Long, Integer> slots, int slot, TypeKind k) {
        TypeKind kind = k == TypeKind.BOOLEAN || k == TypeKind.BYTE || k == TypeKind.CHAR || k == TypeKind.SHORT ? TypeKind.INT : k;
        return slots.computeIfAbsent(((long) slot << 8) | kind.ordinal(), x -> code.allocateLocal(kind));
    }
}
