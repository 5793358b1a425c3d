package dev.jaxvm.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocTest {
    private static Doc words(int n, String w) {
        List<Doc> items = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) items.add(Doc.text(w));
        return Doc.nest(2, Doc.group(Doc.join(Doc.group(Doc.brk()), items)));
    }

    @Test
    void groupThatFitsIsFlat() {
        Doc d = Doc.group(Doc.nest(2, Doc.concat(Doc.text("["), Doc.brk(""), Doc.text("a=1"), Doc.brk(), Doc.text("b=2"))));
        assertEquals("[a=1 b=2", d.format(80));
        assertEquals("[\n  a=1\n  b=2", d.format(5));
    }

    @Test
    void exactFitStaysFlat() {
        Doc d = Doc.group(Doc.concat(Doc.text("12345"), Doc.brk(), Doc.text("789")));
        assertEquals("12345 789", d.format(9));
        assertEquals("12345\n789", d.format(8));
    }

    @Test
    void separatorGroupsFillGreedily() {
        // each break is its own group: items stay on the line while the next one fits
        assertEquals("xx xx xx\n  xx xx", words(5, "xx").format(8));
    }

    @Test
    void rootBreaksOutsideGroupsAlwaysBreak() {
        assertEquals("a\nb", Doc.concat(Doc.text("a"), Doc.brk(), Doc.text("b")).format(80));
    }

    @Test
    void nestIsRelativeToEnclosingIndentNotColumn() {
        Doc inner = Doc.nest(2, Doc.concat(Doc.text("x"), Doc.brk(), Doc.text("y")));
        Doc d = Doc.nest(4, Doc.concat(Doc.text("long prefix "), Doc.brk(), inner));
        assertEquals("long prefix \n    x\n      y", d.format(80));
    }

    @Test
    void flatWidthCountsBreakTexts() {
        assertEquals(7, Doc.concat(Doc.text("ab"), Doc.brk("; "), Doc.group(Doc.text("cde"))).flatWidth());
    }
}
