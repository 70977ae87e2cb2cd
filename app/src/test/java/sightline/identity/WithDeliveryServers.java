package sightline.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with e-mail going to the in-JVM SMTP server and SMS to the in-JVM gateway
 * ({@link DeliveryTestServers}). Test classes that extend it share one application context.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WithDeliveryServers {

  @DynamicPropertySource
  static void deliveryServers(DynamicPropertyRegistry registry) {
    DeliveryTestServers.register(registry);
  }
}
