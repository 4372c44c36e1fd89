// @y/websocket-server 0.1.1 as people run it: an http server, a `ws` server
// with noServer, setupWSConnection per connection (the room is the URL path).
// Persistence: set YPERSISTENCE to a folder (LevelDB via y-leveldb), read by
// the module when it loads. An `error` listener on every socket, or one bad
// frame would end the process.
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { reportEventLoopDelayOverIpc } from './eld.mjs';

reportEventLoopDelayOverIpc();
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
wss.on('connection', (conn, req) => {
  conn.on('error', () => undefined);
  setupWSConnection(conn, req, { gc: true });
});
server.on('upgrade', (req, socket, head) => {
  socket.on('error', () => undefined);
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`peer listening on ${typeof addr === 'object' && addr ? addr.port : addr}`);
});
process.on('SIGTERM', () => process.exit(0));
