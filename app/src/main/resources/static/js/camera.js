// Camera access shared by every page that looks at a face: open the user's camera, copy frames to a canvas.
// Frames leave the browser only when a page sends them to the server; nothing here uploads.

/** Opens the front camera at about width x height and plays it in `video`. Resolves to the MediaStream. */
export async function openCamera(video, { width = 640, height = 480 } = {}) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw new Error('unsupported');
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: false,
    video: { width: { ideal: width }, height: { ideal: height }, facingMode: 'user' },
  });
  video.srcObject = stream;
  await video.play();
  return stream;
}

/** Draws the current video frame into `canvas` at the video's own size and returns its ImageData. */
export function grabFrame(video, canvas) {
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Luma (BT.601) of pixel `i` (index of its red byte) in ImageData bytes `d`. */
function luma(d, i) {
  return 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
}

// A row or column is a letterbox or pillarbox bar when no sampled pixel in it is lighter than this: a dark room
// still has some lighter pixels, an encoder's black bar has none.
const BAR_MAX_LUMA = 24;

/**
 * The part of a frame inside uniform black bars (webcams and virtual cameras letterbox a 16:9 sensor into 4:3, or
 * the reverse), as {left, top, right, bottom} with right and bottom exclusive; the whole frame when it is all black.
 */
export function pictureArea(imageData) {
  const { data: d, width: w, height: h } = imageData;
  const rowIsBar = (y) => {
    for (let x = 0; x < w; x += 4) if (luma(d, (y * w + x) * 4) > BAR_MAX_LUMA) return false;
    return true;
  };
  const columnIsBar = (x, top, bottom) => {
    for (let y = top; y < bottom; y += 4) if (luma(d, (y * w + x) * 4) > BAR_MAX_LUMA) return false;
    return true;
  };
  let top = 0;
  let bottom = h;
  while (top < bottom && rowIsBar(top)) top++;
  if (top === bottom) return { left: 0, top: 0, right: w, bottom: h };
  while (rowIsBar(bottom - 1)) bottom--;
  let left = 0;
  let right = w;
  while (columnIsBar(left, top, bottom)) left++;
  while (columnIsBar(right - 1, top, bottom)) right--;
  return { left, top, right, bottom };
}

/**
 * Mean luma (BT.601) of an ImageData, 0..255, over the picture inside any black bars ({@link pictureArea}), sampling
 * every 4th pixel: enough for a light meter. The bars are not light the person lacks, so they must not count.
 */
export function meanLuma(imageData) {
  const d = imageData.data;
  const w = imageData.width;
  const { left, top, right, bottom } = pictureArea(imageData);
  let sum = 0;
  let count = 0;
  for (let y = top; y < bottom; y += 2) {
    for (let x = left; x < right; x += 2) {
      sum += luma(d, (y * w + x) * 4);
      count++;
    }
  }
  return count ? sum / count : 0;
}
