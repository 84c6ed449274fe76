package org.relohelp.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled     start the sandbox when there is no bot token ({@code RELOHELP_SANDBOX})
 * @param port        the chat page's port on 127.0.0.1 ({@code RELOHELP_SANDBOX_PORT}); 0 picks a free one
 * @param botApiPort  the emulated Bot API's port on 127.0.0.1; 0 picks a free one
 * @param forum       the volunteers' group starts as a forum, with topics ({@code RELOHELP_SANDBOX_FORUM}); the
 *                    page can turn topics on later too
 */
@ConfigurationProperties("relohelp.sandbox")
public record SandboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8080") int port,
                                @DefaultValue("0") int botApiPort, @DefaultValue("false") boolean forum) {
}
