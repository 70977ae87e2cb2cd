package sightline.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sightline.identity.AccountDirectory;
import sightline.identity.AccountView;
import sightline.identity.NewAccount;
import sightline.identity.Role;
import sightline.identity.SignedInUser;
import sightline.vision.model.ModelStore;

/** Profile photos: validated by content, re-encoded without metadata, shown only to signed-in people. */
@SpringBootTest
@AutoConfigureMockMvc
class ProfilePhotoIntegrationTests {

  @Autowired
  MockMvcTester mvc;

  @Autowired
  AccountDirectory directory;

  private UsernamePasswordAuthenticationToken person() {
    AccountView account = directory.create(new NewAccount("photo-" + UUID.randomUUID() + "@example.org", "Photo",
        EnumSet.of(Role.STUDENT), null, "a long photo password"));
    return SignedInUser.of(account).authentication();
  }

  private MvcTestResult upload(UsernamePasswordAuthenticationToken who, String name, byte[] bytes) {
    return mvc.post().uri("/account/profile/photo").multipart()
        .file(new MockMultipartFile("photo", name, "image/jpeg", bytes)).with(csrf()).with(authentication(who))
        .exchange();
  }

  @Test
  void aPhotoIsStoredAsASmallSquareJpegWithoutItsMetadata() throws Exception {
    var who = person();
    byte[] original = Files.readAllBytes(ModelStore.atDefaultLocation().verifiedPath("sample1"));
    assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("Exif").contains("SONY");

    assertThat(upload(who, "holiday.jpg", original)).hasRedirectedUrl("/account/profile");
    var id = ((SignedInUser) who.getPrincipal()).id();
    var served = mvc.get().uri("/accounts/" + id + "/photo").with(authentication(person())).exchange();
    assertThat(served).hasStatusOk().hasContentType("image/jpeg");
    byte[] stored = served.getResponse().getContentAsByteArray();
    var image = ImageIO.read(new ByteArrayInputStream(stored));
    assertThat(image.getWidth()).isEqualTo(256);
    assertThat(image.getHeight()).isEqualTo(256);
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("SONY");
    assertThat(served.getResponse().getHeader("Cache-Control")).contains("private");

    assertThat(mvc.get().uri("/accounts/" + id + "/photo")).hasStatus(HttpStatus.FOUND);
  }

  @Test
  void nonImagesAndTruncatedPicturesAreRefusedWithTheReason() throws Exception {
    var who = person();
    assertThat(upload(who, "photo.jpg", "<?php echo 'hi'; ?>".getBytes(StandardCharsets.UTF_8)))
        .hasRedirectedUrl("/account/profile").flash().containsEntry("problem", "problem.image.NOT_AN_IMAGE");

    byte[] original = Files.readAllBytes(ModelStore.atDefaultLocation().verifiedPath("sample2"));
    assertThat(upload(who, "cut.jpg", Arrays.copyOf(original, original.length / 2)))
        .flash().containsEntry("problem", "problem.image.TRUNCATED");

    var id = ((SignedInUser) who.getPrincipal()).id();
    assertThat(mvc.get().uri("/accounts/" + id + "/photo").with(authentication(who)))
        .hasStatus(HttpStatus.NOT_FOUND);
  }
}
