// A small STOMP 1.2 client over the browser's WebSocket, enough for Sightline's server push: connect with the page's
// session cookie, subscribe, send and receive text messages (JSON). No library, no build.

const NUL = '\u0000';
/** Characters per WebSocket message: under Spring's 16 KiB + 256 minimum for STOMP, in UTF-16 code units. */
const MAX_WEBSOCKET_MESSAGE = 16 * 1024;

function frame(command, headers = {}, body = '') {
  const lines = [command];
  for (const [name, value] of Object.entries(headers)) {
    lines.push(`${name}:${String(value).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/:/g, '\\c')}`);
  }
  return `${lines.join('\n')}\n\n${body}${NUL}`;
}

function unescape(value) {
  return value.replace(/\\(.)/g, (_, c) => ({ n: '\n', c: ':', '\\': '\\', r: '\r' }[c] ?? c));
}

function parse(text) {
  const frames = [];
  for (const raw of text.split(NUL)) {
    const trimmed = raw.replace(/^\n+/, '');
    if (!trimmed) continue;
    const split = trimmed.indexOf('\n\n');
    const head = split < 0 ? trimmed : trimmed.slice(0, split);
    const body = split < 0 ? '' : trimmed.slice(split + 2);
    const [command, ...headerLines] = head.split('\n');
    const headers = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      if (colon > 0 && !(line.slice(0, colon) in headers)) {
        headers[unescape(line.slice(0, colon))] = unescape(line.slice(colon + 1));
      }
    }
    frames.push({ command, headers, body });
  }
  return frames;
}

/**
 * Connects to the server's STOMP endpoint (/ws, same origin). Resolves once CONNECTED; rejects on an ERROR frame or a
 * closed socket before that. onError(message) is called for later ERROR frames, onClose(closeEvent) when the socket
 * closes.
 */
export function connectStomp({ path = '/ws', onError = () => {}, onClose = () => {} } = {}) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}${path}`);
  const handlers = new Map();
  let nextId = 0;
  let connected = false;
  return new Promise((resolve, reject) => {
    const client = {
      subscribe(destination, onMessage) {
        const id = `sub-${nextId++}`;
        handlers.set(id, onMessage);
        socket.send(frame('SUBSCRIBE', { id, destination }));
        return () => {
          handlers.delete(id);
          if (socket.readyState === WebSocket.OPEN) socket.send(frame('UNSUBSCRIBE', { id }));
        };
      },
      send(destination, body, headers = {}) {
        const text = frame('SEND', { destination, 'content-type': 'application/json', ...headers },
          typeof body === 'string' ? body : JSON.stringify(body));
        // The server reads WebSocket messages of at most 16 KiB (Spring's STOMP default) and joins the pieces of a
        // larger STOMP frame (a camera frame in Base64) up to the configured message size.
        for (let start = 0; start < text.length; start += MAX_WEBSOCKET_MESSAGE) {
          socket.send(text.slice(start, start + MAX_WEBSOCKET_MESSAGE));
        }
      },
      close() {
        if (socket.readyState === WebSocket.OPEN) socket.send(frame('DISCONNECT'));
        socket.close();
      },
      get open() {
        return socket.readyState === WebSocket.OPEN;
      },
    };
    socket.onopen = () => socket.send(frame('CONNECT', { 'accept-version': '1.2', host: location.host,
      'heart-beat': '0,0' }));
    socket.onmessage = (event) => {
      for (const message of parse(event.data)) {
        if (message.command === 'CONNECTED') {
          connected = true;
          resolve(client);
        } else if (message.command === 'MESSAGE') {
          const handler = handlers.get(message.headers.subscription);
          if (handler) {
            let body = message.body;
            try { body = JSON.parse(body); } catch { /* not JSON: pass the text */ }
            handler(body, message.headers);
          }
        } else if (message.command === 'ERROR') {
          if (!connected) reject(new Error(message.headers.message || 'connection refused'));
          else onError(message.headers.message || message.body);
        }
      }
    };
    socket.onclose = (event) => {
      if (!connected) reject(new Error(`connection closed (${event.code})`));
      onClose(event);
    };
  });
}
