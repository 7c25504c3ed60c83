package netlab.badinput;

import java.nio.charset.StandardCharsets;

/** A case a generator made, before the corpus numbers it. */
record Draft(String what, byte[] bytes) {
    static Draft text(String what, String text) {
        return new Draft(what, text.getBytes(StandardCharsets.UTF_8));
    }
}
