package sightline.system;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * Server push: STOMP over a WebSocket at {@code /ws}, with Spring's simple in-memory broker for {@code /topic} and
 * {@code /queue}. Modules publish through {@code SimpMessagingTemplate} only, so that a broker relay (RabbitMQ's
 * STOMP plugin, say) can carry the same destinations between several servers by changing this class alone.
 *
 * <p>The handshake is an HTTP request under the application's security filter chain: only signed-in browser sessions
 * connect (bearer tokens authenticate {@code /api/**} only), and Spring accepts only same-origin browsers (no cross-site WebSocket hijacking). The
 * connection's user is the HTTP request's; every SUBSCRIBE is checked by the {@link TopicAccess} beans (closed unless
 * one allows it), and messages sent to {@code /app/…} are checked by the module's handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class MessagingConfiguration implements WebSocketMessageBrokerConfigurer {

  /** The largest STOMP message accepted: a camera frame (at most 300 kB) and its headers, Base64 included. */
  static final int MESSAGE_SIZE_LIMIT = 512 * 1024;

  private final List<TopicAccess> access;

  MessagingConfiguration(List<TopicAccess> access) {
    this.access = access;
  }

  @Override
  public void registerStompEndpoints(StompEndpointRegistry registry) {
    registry.addEndpoint("/ws");
  }

  @Override
  public void configureMessageBroker(MessageBrokerRegistry registry) {
    registry.enableSimpleBroker("/topic", "/queue");
    registry.setApplicationDestinationPrefixes("/app");
    registry.setUserDestinationPrefix("/user");
  }

  @Override
  public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
    registration.setMessageSizeLimit(MESSAGE_SIZE_LIMIT)
        // A slow client is dropped rather than buffered without bound.
        .setSendBufferSizeLimit(2 * 1024 * 1024)
        .setSendTimeLimit(10_000);
  }

  @Override
  public void configureClientInboundChannel(ChannelRegistration registration) {
    registration.interceptors(new ChannelInterceptor() {
      @Override
      public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
          return message;
        }
        if (!(stomp.getUser() instanceof Authentication user) || !user.isAuthenticated()) {
          throw new MessageDeliveryException("Sign in first.");
        }
        if (stomp.getCommand() == StompCommand.SUBSCRIBE && !maySubscribe(user, stomp.getDestination())) {
          throw new MessageDeliveryException("You may not subscribe to " + stomp.getDestination() + ".");
        }
        return message;
      }
    });
  }

  private boolean maySubscribe(Authentication user, String destination) {
    if (destination == null) {
      return false;
    }
    // A user's own queue (/user/queue/…) is resolved by Spring to that user's session only.
    if (destination.startsWith("/user/queue/")) {
      return true;
    }
    return access.stream().anyMatch(topic -> topic.covers(destination) && topic.maySubscribe(user, destination));
  }
}
