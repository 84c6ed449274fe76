package org.relohelp.chat;

import java.util.List;

/**
 * A feature's place in the conversation, declared by the feature itself: the commands and buttons it answers.
 * Spring collects every bean that implements it; the edge ({@code telegram}) routes by them, so adding a command
 * touches only its feature.
 */
public interface ChatFeature {

    default List<Command> commands() {
        return List.of();
    }

    default List<ButtonRoute> buttons() {
        return List.of();
    }

    default List<DeepLink> deepLinks() {
        return List.of();
    }
}
