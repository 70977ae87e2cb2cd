package sightline.identity.directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.util.Map;

/**
 * Argon2id with OWASP's minimum parameters by default (19 MiB memory, 2 iterations, 1 lane, 16-byte salt, 32-byte
 * hash). Hashes carry their parameters, so raising them later re-hashes each password at its next sign-in
 * ({@link PasswordEncoder#upgradeEncoding}). Text that is not valid UTF-16 never reaches Argon2
 * ({@link WellFormedPasswords}).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  @Bean
  PasswordEncoder passwordEncoder(@Value("${sightline.identity.argon2.memory-kib:19456}") int memoryKib,
      @Value("${sightline.identity.argon2.iterations:2}") int iterations) {
    var argon2 = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
    return new WellFormedPasswords(new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2)));
  }
}
