package dev.jaxvm.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Wadler/Lindig "strictly pretty" document, the layout model JAX prints Jaxprs with: text,
 * breaks (a space or a newline), concatenation, groups (laid out flat when they fit) and nesting
 * (indentation of the breaks inside).
 *
 * {@snippet :
 * Doc d = Doc.group(Doc.nest(2, Doc.concat(Doc.text("f("), Doc.brk(""), Doc.text("x"), Doc.brk(""), Doc.text(")"))));
 * assert d.format(80).equals("f(x)");
 * }
 */
public sealed interface Doc {

    /** The width of this document laid out on one line (breaks print their flat text). */
    int flatWidth();

    /** Literal text (no newlines). */
    record Text(String text) implements Doc {
        @Override
        public int flatWidth() { return text.length(); }
    }

    /** A break: {@code text} when its group is flat, else a newline and the current indentation. */
    record Break(String text) implements Doc {
        @Override
        public int flatWidth() { return text.length(); }
    }

    /** Documents one after the other. */
    record Concat(List<Doc> parts, int flatWidth) implements Doc {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** A group: laid out flat if its flat width fits the rest of the line, else its breaks break. */
    record Group(Doc child) implements Doc {
        @Override
        public int flatWidth() { return child.flatWidth(); }
    }

    /** Adds {@code indent} to the indentation of the breaks inside {@code child}. */
    record Nest(int indent, Doc child) implements Doc {
        @Override
        public int flatWidth() { return child.flatWidth(); }
    }

    /** The empty document. */
    Doc NIL = new Concat(List.of(), 0);

    /** Text. */
    static Doc text(String s) { return new Text(s); }

    /** A break printing one space when flat. */
    static Doc brk() { return new Break(" "); }

    /** A break printing {@code s} when flat. */
    static Doc brk(String s) { return new Break(s); }

    /** A group. */
    static Doc group(Doc d) { return new Group(d); }

    /** A nest. */
    static Doc nest(int indent, Doc d) { return new Nest(indent, d); }

    /** The concatenation of {@code parts}. */
    static Doc concat(Doc... parts) { return concat(List.of(parts)); }

    /** The concatenation of {@code parts}. */
    static Doc concat(List<Doc> parts) {
        int w = 0;
        for (Doc d : parts) w += d.flatWidth();
        return new Concat(parts, w);
    }

    /** {@code docs} with {@code separator} between each two. */
    static Doc join(Doc separator, List<Doc> docs) {
        List<Doc> out = new ArrayList<>(Math.max(0, docs.size() * 2 - 1));
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) out.add(separator);
            out.add(docs.get(i));
        }
        return concat(out);
    }

    /**
     * Lays the document out at the given width. The root is in break mode; a group is laid out flat
     * exactly when its own flat width fits in what is left of the current line (what follows the
     * group is not measured, as in JAX, so lines may run past {@code width}).
     */
    default String format(int width) {
        record Item(int indent, boolean flat, Doc doc) {}
        StringBuilder out = new StringBuilder();
        int column = 0;
        Deque<Item> agenda = new ArrayDeque<>();
        agenda.push(new Item(0, false, this));
        while (!agenda.isEmpty()) {
            Item it = agenda.pop();
            switch (it.doc()) {
                case Text t -> {
                    out.append(t.text());
                    column += t.text().length();
                }
                case Break b -> {
                    if (it.flat()) {
                        out.append(b.text());
                        column += b.text().length();
                    } else {
                        out.append('\n').repeat(' ', it.indent());
                        column = it.indent();
                    }
                }
                case Concat c -> {
                    for (int i = c.parts().size() - 1; i >= 0; i--) agenda.push(new Item(it.indent(), it.flat(), c.parts().get(i)));
                }
                case Group g -> agenda.push(new Item(it.indent(), it.flat() || column + g.flatWidth() <= width, g.child()));
                case Nest n -> agenda.push(new Item(it.indent() + n.indent(), it.flat(), n.child()));
            }
        }
        return out.toString();
    }
}
