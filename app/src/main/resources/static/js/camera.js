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

/** Mean luma (BT.601) of an ImageData, 0..255, sampling every 4th pixel: enough for a light meter. */
export function meanLuma(imageData) {
  const d = imageData.data;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < d.length; i += 16) {
    sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
    count++;
  }
  return count ? sum / count : 0;
}
