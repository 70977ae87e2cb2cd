// Sends camera frames to the server one at a time, for every page where the server judges a live face (enrolment,
// liveness sessions, face sign-in). The server sees every frame it decides on; the browser computes nothing about
// the face. One request is in flight at a time, so a slow server makes the page skip frames instead of queueing them.
import { openCamera } from './camera.js';

/** The CSRF header and token that the layout puts in <meta> tags (Spring Security's deferred token). */
export function csrfHeaders() {
  const header = document.querySelector('meta[name="_csrf_header"]');
  const token = document.querySelector('meta[name="_csrf"]');
  return header && token && token.content ? { [header.content]: token.content } : {};
}

/** POSTs `body` as JSON (or nothing) with the CSRF header and answers the parsed JSON reply; a problem throws it. */
export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(response);
}

async function answer(response) {
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json() : {};
  if (!response.ok) {
    throw Object.assign(new Error(json.detail || response.statusText), { status: response.status, problem: json });
  }
  return json;
}

/** Encodes the current video frame as a JPEG no wider than maxWidth pixels. */
export function captureJpeg(video, canvas, { maxWidth = 640, quality = 0.85 } = {}) {
  const scale = Math.min(1, maxWidth / video.videoWidth);
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality));
}

/**
 * Opens the camera in `video` and posts a JPEG frame to `url` (Content-Type image/jpeg) every `intervalMs` after the
 * previous answer. `onAnswer(json)` gets each parsed reply and returns false to stop; `onError(error)` gets a failed
 * request (error.status and error.problem carry the RFC 9457 problem) and stops the stream. `headers` are added to
 * every frame request. Returns { stop() }.
 */
export async function streamFrames({ video, canvas, url, onAnswer, onError, intervalMs = 150, maxWidth = 640,
  headers = {} }) {
  await openCamera(video);
  let stopped = false;
  const stop = () => { stopped = true; };
  const next = async () => {
    if (stopped) return;
    try {
      const frame = await captureJpeg(video, canvas, { maxWidth });
      const response = await fetch(typeof url === 'function' ? url() : url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'image/jpeg', Accept: 'application/json', ...csrfHeaders(), ...headers },
        body: frame,
      });
      const json = await answer(response);
      if (stopped || onAnswer(json) === false) { stopped = true; return; }
    } catch (error) {
      // The server is busy (its shared capacity, or another frame of this person in another tab): skip frames until
      // it says to try again, as a slow answer does, rather than ending the stream.
      const busy = ['/problems/one-at-a-time', '/problems/server-busy'].includes(error.problem && error.problem.type);
      if (busy && !stopped) {
        setTimeout(next, Math.max(intervalMs, 1000 * (error.problem.retryAfterSeconds || 1)));
        return;
      }
      stopped = true;
      if (onError) onError(error);
      return;
    }
    setTimeout(next, intervalMs);
  };
  next();
  return { stop };
}
