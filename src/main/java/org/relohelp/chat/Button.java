package org.relohelp.chat;

/**
 * An inline button: the label the user sees and the action the bot receives when it is pressed.
 * Actions are short strings owned by the feature that made the button ({@code country:KZ}); clients can
 * send any action back, so whoever handles one validates it.
 */
public record Button(String label, String action) {

    /** The action of every "Ask a volunteer" button, whichever feature shows it. */
    public static final String ASK_VOLUNTEER = "human";

    /**
     * "Ask a volunteer" under the knowledge base's answer to a question when no article is shown (suggestions,
     * nothing found, a question too long): the question asked can go with the request ({@link AskedQuestions}).
     * Under an article the action is {@code human:<article id>}, which does the same and tells the topic.
     */
    public static final String ASK_VOLUNTEER_AFTER_ANSWER = ASK_VOLUNTEER + ":-";

    /** The action that starts the stay calculator, under stay articles and in the menu. */
    public static final String COUNT_MY_DAYS = "stay:start";

    /** The action that starts a search for a place to stay among the hosts' offers, under housing answers. */
    public static final String FIND_HOUSING = "ho:find";
}
