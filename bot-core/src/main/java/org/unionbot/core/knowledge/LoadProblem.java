package org.unionbot.core.knowledge;

/** Something wrong in a knowledge file, with where it is, so the union can fix that line. */
public record LoadProblem(String file, int line, String message) {
}
