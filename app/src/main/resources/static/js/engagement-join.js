// The student's engagement page: after consent, sends a downscaled JPEG of the camera to the server over STOMP
// (1 per second, or slower when the server asks), shows the state the server answers. Nothing about the face is
// computed here, and nothing is kept: each frame is encoded, sent and forgotten.
import { openCamera } from './camera.js';
import { connectStomp } from './stomp.js';
import { captureJpeg } from './face-stream.js';

const root = document.getElementById('engagement-join');
const video = document.getElementById('engagement-video');
const canvas = document.getElementById('engagement-canvas');
const consent = document.getElementById('engagement-consent');
const start = document.getElementById('engagement-start');
const stop = document.getElementById('engagement-stop');
const stateText = document.getElementById('engagement-state');
const percentText = document.getElementById('engagement-percent');
const identityText = document.getElementById('engagement-identity');
const status = document.getElementById('engagement-status');
const names = Object.fromEntries([...document.querySelectorAll('#engagement-state-names li')]
  .map((li) => [li.dataset.state, li.textContent]));
const session = root.dataset.session;

let stream = null;
let client = null;
let timer = null;
let interval = Number(root.dataset.interval) || 1000;
let inFlight = false;

consent.addEventListener('change', () => { start.disabled = !consent.checked || stream !== null; });

function base64(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

function show(reply) {
  inFlight = false;
  if (reply.refusal) {
    status.textContent = names[`REFUSED_${reply.refusal}`] || reply.refusal;
    if (reply.refusal !== 'BAD_FRAME') halt();
    return;
  }
  interval = reply.intervalMillis || interval;
  status.textContent = reply.dropped || interval > 1000 ? root.dataset.slowDown : '';
  if (reply.state) {
    stateText.textContent = names[reply.state] || reply.state;
    stateText.dataset.state = reply.state;
  }
  percentText.textContent = reply.percent < 0 ? root.dataset.noPercent
    : root.dataset.percentTemplate.replace('{0}', reply.percent);
  identityText.hidden = reply.identity !== 'NOT_ENROLLED';
}

async function sendFrame() {
  if (!stream || !client || !client.open) return;
  // One frame on its way at a time: a slow server makes the page skip frames, never pile them up.
  if (!inFlight && video.videoWidth > 0) {
    inFlight = true;
    try {
      const jpeg = await base64(await captureJpeg(video, canvas, { maxWidth: 640, quality: 0.8 }));
      client.send(`/app/engagement/sessions/${session}/frames`, { jpeg });
    } catch {
      inFlight = false;
    }
  }
  timer = setTimeout(sendFrame, interval);
}

async function begin() {
  start.disabled = true;
  status.textContent = root.dataset.waiting;
  try {
    stream = await openCamera(video);
  } catch {
    stream = null;
    status.textContent = root.dataset.cameraFailed;
    start.disabled = !consent.checked;
    return;
  }
  try {
    client = await connectStomp({
      onClose: (event) => {
        root.dataset.closeCode = event.code;
        if (stream) { status.textContent = root.dataset.connectionLost; halt(); }
      },
      onError: (message) => { root.dataset.error = message; },
    });
    // stomp.js hands over the parsed JSON body.
    client.subscribe('/user/queue/engagement', (reply) => show(reply));
  } catch (error) {
    root.dataset.error = error.message;
    status.textContent = root.dataset.connectionLost;
    halt();
    return;
  }
  stop.disabled = false;
  inFlight = false;
  sendFrame();
}

function halt() {
  clearTimeout(timer);
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
  video.srcObject = null;
  if (client) client.close();
  client = null;
  stop.disabled = true;
  start.disabled = !consent.checked;
  stateText.textContent = names.NONE || stateText.textContent;
}

start.addEventListener('click', begin);
stop.addEventListener('click', () => { halt(); status.textContent = root.dataset.stopped; });
window.addEventListener('pagehide', halt);
