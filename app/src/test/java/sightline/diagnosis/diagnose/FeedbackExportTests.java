package sightline.diagnosis.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an uploaded model's labels may do to the feedback ZIP and its CSV. */
class FeedbackExportTests {

  @Test
  void aLabelIsAlwaysOneHarmlessPathSegment() {
    assertThat(FeedbackExport.safe("apple_apple_scab")).isEqualTo("apple_apple_scab");
    assertThat(FeedbackExport.safe("..")).isEqualTo("_.");
    assertThat(FeedbackExport.safe(".")).isEqualTo("_");
    assertThat(FeedbackExport.safe(".hidden")).isEqualTo("_hidden");
    assertThat(FeedbackExport.safe("../../etc")).isEqualTo("_._.._etc");
    assertThat(FeedbackExport.safe("")).isEqualTo("_");
  }

  @Test
  void cellsASpreadsheetWouldRunArePrefixed() {
    assertThat(FeedbackExport.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(FeedbackExport.cell("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(FeedbackExport.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    assertThat(FeedbackExport.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(FeedbackExport.cell("apple, scab")).isEqualTo("\"apple, scab\"");
    assertThat(FeedbackExport.cell("apple_apple_scab")).isEqualTo("apple_apple_scab");
  }
}
