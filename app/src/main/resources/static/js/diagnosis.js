// Leaf photos for plant diagnosis. Online, a photo goes to the API and the browser opens its result; offline (or
// when the request cannot reach the server), it is kept in IndexedDB and sent when the phone is back online.
// Without JavaScript the form posts to /diagnosis as a plain page. Each queued photo carries the account it was taken
// for, and only the signed-in account's photos are sent: a shared phone never files one farmer's leaf under another's
// name (sign-out also clears the queue and the worker's cache with Clear-Site-Data).
const form = document.getElementById('diagnose-form');
const status = document.getElementById('diagnose-status');
const queueBox = document.getElementById('offline-queue');
const queueList = document.getElementById('offline-list');
const text = (name) => form.dataset['msg' + name];
const STORE = 'photos';
const account = form.dataset.account;

function openQueue() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('sightline-diagnosis', 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, action) {
  const db = await openQueue();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const result = action(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = () => reject(tx.error);
  });
}

const queued = () => withStore('readonly', (store) => store.getAll());
const enqueue = (photo) => withStore('readwrite',
  (store) => store.add({ photo, name: photo.name, account, at: Date.now() }));
const dequeue = (id) => withStore('readwrite', (store) => store.delete(id));

// Phones take 3-8 MB photos; the server keeps at most 1024 px. Shrinking here (EXIF orientation applied by
// createImageBitmap) sends a tenth of the bytes over a rural connection, keeps the offline queue small, and saves the
// server most of its decoding. Any failure sends the original, which the server handles the same way.
const MAX_SIDE = 1024;
async function shrink(file) {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    return blob && blob.size < file.size ? new File([blob], 'leaf.jpg', { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}

function csrf(doc) {
  const token = doc.querySelector('meta[name="_csrf"]');
  const header = doc.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

// A page kept by the service worker may hold an old CSRF token: fetch a fresh page once when the server refuses.
async function freshCsrf() {
  const page = await fetch(location.pathname, { credentials: 'same-origin' });
  return csrf(new DOMParser().parseFromString(await page.text(), 'text/html'));
}

async function send(photo, headers = csrf(document), retried = false) {
  const body = new FormData();
  body.append('photo', photo, photo.name || 'leaf.jpg');
  const response = await fetch(form.dataset.api, {
    method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers },
  });
  if (response.status === 403 && !retried) {
    return send(photo, await freshCsrf(), true);
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer.detail || answer.title || String(response.status));
    error.problem = true;
    error.status = response.status;
    throw error;
  }
  return answer;
}

function show(message, link) {
  const item = document.createElement('li');
  item.textContent = message + ' ';
  if (link) {
    const a = document.createElement('a');
    a.href = link;
    a.textContent = text('Sent');
    item.append(a);
  }
  queueList.append(item);
  queueBox.hidden = false;
}

// Answers that condemn the photo itself; any other refusal (401, 403, 429, 5xx) says nothing about the photo.
const REFUSED = [400, 413, 415, 422];

async function flush() {
  if (!navigator.onLine) {
    return;
  }
  const waiting = (await queued()).filter((item) => item.account === account);
  if (waiting.length === 0) {
    return;
  }
  status.textContent = text('Sending');
  queueList.replaceChildren();
  for (const item of waiting) {
    try {
      const result = await send(item.photo);
      await dequeue(item.id);
      show(item.name || '', form.dataset.results + result.id);
    } catch (error) {
      if (!error.problem) {
        status.textContent = text('Queued');
        return; // still no connection: keep the rest for later
      }
      if (!REFUSED.includes(error.status)) {
        status.textContent = error.message; // signed out, rate-limited or a server fault: keep the rest for later
        return;
      }
      await dequeue(item.id); // the server refused this photo; sending it again would not help
      show(text('Failed') + ' ' + error.message);
    }
  }
  status.textContent = '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = document.getElementById('photo').files[0];
  if (!chosen) {
    return;
  }
  form.querySelector('button').disabled = true;
  status.textContent = text('Working');
  const photo = await shrink(chosen);
  try {
    if (!navigator.onLine) {
      throw new TypeError('offline');
    }
    const result = await send(photo);
    location.assign(form.dataset.results + result.id);
  } catch (error) {
    if (error.problem) {
      status.textContent = error.message;
    } else {
      await enqueue(photo);
      status.textContent = text('Queued');
      form.reset();
    }
  } finally {
    form.querySelector('button').disabled = false;
  }
});

window.addEventListener('online', flush);
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(form.dataset.worker, { scope: form.dataset.scope }).catch(() => {});
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data === 'flush') {
      flush();
    }
  });
}
flush();
