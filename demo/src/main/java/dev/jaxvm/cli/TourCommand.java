package dev.jaxvm.cli;

import dev.jaxvm.Array;
import dev.jaxvm.DType;
import dev.jaxvm.numpy.Jnp;
import picocli.CommandLine.Command;

/** A short tour of jaxvm: arrays, promotion, indexing and updates. */
@Command(name = "tour", description = "A short tour: arrays, promotion, indexing, jit and grad.")
final class TourCommand implements Runnable {
    @Override
    public void run() {
        Array x = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
        System.out.println("x = " + x);
        System.out.println("x.mul(2).add(1).sum(0) = " + x.mul(2).add(1).sum(0));
        Array image = Jnp.array(new int[][] {{10, 20}, {30, 40}}, DType.UINT8);
        System.out.println("uint8 image + 1 = " + image.add(1));
        System.out.println("uint8 image * int32 filter = " + image.mul(Jnp.array(new int[][] {{0, -1}, {-1, 5}})));
        System.out.println("x.get(\":, 1:\") = " + x.get(":, 1:"));
    }
}
