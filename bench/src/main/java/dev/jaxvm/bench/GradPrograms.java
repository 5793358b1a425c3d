package dev.jaxvm.bench;

/**
 * Prints the compiled programs of {@link GradBench}'s forward passes and gradients (the kernels and the
 * library calls), to see where the time goes:
 * {@code java -cp bench/target/classes:$(cat bench/target/bench-path.txt) dev.jaxvm.bench.GradPrograms}.
 */
public final class GradPrograms {
    private GradPrograms() {}

    public static void main(String[] args) {
        var s = new GradBench.SumSinCos();
        s.setup();
        print("sum(sin(x) + 2 cos(y)) forward", s.forward.lower(s.x, s.y).compile().asText());
        print("sum(sin(x) + 2 cos(y)) grad", s.grad.lower(s.x, s.y).compile().asText());
        var m = new GradBench.Mlp();
        m.setup();
        print("MLP forward", m.forward.lower(m.args).compile().asText());
        print("MLP grad", m.grad.lower(m.args).compile().asText());
        var c = new GradBench.Conv();
        c.setup();
        print("conv forward", c.forward.lower(c.kernel, c.image).compile().asText());
        print("conv grad", c.grad.lower(c.kernel, c.image).compile().asText());
    }

    private static void print(String title, String text) { System.out.println("== " + title + " ==\n" + text); }
}
