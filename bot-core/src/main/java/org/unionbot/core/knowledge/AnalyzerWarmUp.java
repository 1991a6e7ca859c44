package org.unionbot.core.knowledge;

/**
 * Loads the knowledge matcher's heavy static parts — smartcn's dictionaries and ICU's
 * Traditional→Simplified transliterator, about two seconds together — on a background thread, so that
 * the loading overlaps with the database start-up instead of following it. Whoever analyses a question
 * first simply waits for the class initialisation already under way; nothing depends on the warm-up
 * finishing, and a failure here only means the first real analysis pays the cost as before.
 */
public final class AnalyzerWarmUp {
    private AnalyzerWarmUp() {
    }

    public static void start() {
        Thread thread = new Thread(() -> {
            try {
                new QuestionAnalyzer(Synonyms.NONE).terms("会费怎么交？體檢什麼時候");
            } catch (RuntimeException | LinkageError ignored) {
                // the first real question loads the same classes and reports any real problem
            }
        }, "knowledge-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
