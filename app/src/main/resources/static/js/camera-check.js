import { openCamera, grabFrame, meanLuma } from './camera.js';

// The camera check page: shows the live picture, its resolution and whether the light is good enough for face
// work. The page's state is also on <body data-camera-state> (waiting, on, failed) for people's tools and tests.
const video = document.getElementById('camera-video');
const canvas = document.getElementById('camera-canvas');
const status = document.getElementById('camera-status');
const resolution = document.getElementById('camera-resolution');
const light = document.getElementById('camera-light');

function show(state, text, tone) {
  document.body.dataset.cameraState = state;
  status.textContent = text;
  status.className = `alert alert-${tone}`;
}

function lightLabel(luma) {
  if (luma < 60) return light.dataset.dark;
  if (luma > 200) return light.dataset.bright;
  return light.dataset.good;
}

async function start() {
  show('waiting', status.dataset.waiting, 'secondary');
  try {
    await openCamera(video);
  } catch (error) {
    const text = error.message === 'unsupported' ? status.dataset.unsupported : `${status.dataset.failed} (${error.name})`;
    show('failed', text, 'danger');
    return;
  }
  resolution.textContent = `${video.videoWidth} × ${video.videoHeight}`;
  show('on', status.dataset.on, 'success');
  setInterval(() => {
    light.textContent = lightLabel(meanLuma(grabFrame(video, canvas)));
  }, 500);
}

start();
