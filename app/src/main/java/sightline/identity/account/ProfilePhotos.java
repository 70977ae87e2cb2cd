package sightline.identity.account;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import sightline.identity.AccountId;
import sightline.system.ImageInput;
import sightline.system.ImageUse;
import sightline.vision.Image;
import sightline.vision.ImageRejected;

/**
 * Profile photos. An upload is decoded by content as a {@link ImageUse#PHOTO} (JPEG or PNG, EXIF orientation
 * applied, at most 24 MP), cropped to a centred square, scaled to at most 256 px and written again as a JPEG: what is
 * stored carries no metadata (no GPS position, no camera serial) and no bytes the person sent. Decoding and encoding
 * run outside the transaction.
 */
@Component
class ProfilePhotos {

  static final int SIZE_PX = 256;

  private final ImageInput images;
  private final AccountPhotoRepository photos;
  private final TransactionOperations transactions;
  private final Clock clock;

  ProfilePhotos(ImageInput images, AccountPhotoRepository photos, TransactionOperations transactions, Clock clock) {
    this.images = images;
    this.photos = photos;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Replaces the account's photo.
   *
   * @throws ImageRejected when the upload is not a JPEG or PNG Sightline decodes
   */
  void store(AccountId account, byte[] upload) {
    byte[] jpeg = reencode(images.decode(upload, ImageUse.PHOTO));
    transactions.executeWithoutResult(tx -> photos.save(new AccountPhoto(account, jpeg, clock.instant())));
  }

  Optional<byte[]> find(AccountId account) {
    return transactions.execute(tx -> photos.findById(account.value()).map(AccountPhoto::jpeg));
  }

  void delete(AccountId account) {
    transactions.executeWithoutResult(tx -> photos.deleteById(account.value()));
  }

  static byte[] reencode(Image image) {
    int side = Math.min(image.width(), image.height());
    int target = Math.min(side, SIZE_PX);
    BufferedImage source = image.toBufferedImage();
    BufferedImage square = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = square.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    int x = (image.width() - side) / 2;
    int y = (image.height() - side) / 2;
    g.drawImage(source, 0, 0, target, target, x, y, x + side, y + side, null);
    g.dispose();
    return Image.fromBufferedImage(square).toJpeg(0.85f);
  }
}
