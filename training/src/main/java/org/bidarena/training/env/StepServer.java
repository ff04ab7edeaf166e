package org.bidarena.training.env;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The step server's socket side: accepts TCP connections and gives each a thread and its own
 * {@link EnvService}, moving {@link Frames} between them. A client that disconnects, even mid-episode or
 * mid-message, loses only its own environments; the server goes on accepting others.
 */
public final class StepServer implements AutoCloseable {
  private final EnvSpec spec;
  private final ServerSocket socket;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;
  private final ForkJoinPool pool;

  private StepServer(EnvSpec spec, ServerSocket socket, int threads) {
    this.spec = spec;
    this.socket = socket;
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    this.acceptor = new Thread(this::accept, "env-accept");
  }

  /**
   * Listens on {@code host:port} (port 0: any free port, see {@link #port()}).
   *
   * @param threads the threads a step_many's copies step on (1: one after another)
   */
  public static StepServer start(EnvSpec spec, String host, int port, int threads) throws IOException {
    StepServer server = new StepServer(spec, new ServerSocket(port, 50, InetAddress.getByName(host)), threads);
    server.acceptor.start();
    return server;
  }

  public int port() {
    return socket.getLocalPort();
  }

  public String host() {
    return socket.getInetAddress().getHostAddress();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Blocks until the server is closed. */
  public void awaitClose() throws InterruptedException {
    acceptor.join();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        clients.add(client);
        Thread t = new Thread(() -> serve(client), "env-client-" + connections.incrementAndGet());
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          System.err.println("env serve: accept failed: " + e.getMessage());
        }
      }
    }
  }

  private void serve(Socket client) {
    EnvService service = new EnvService(spec, pool);
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = new BufferedOutputStream(client.getOutputStream());
      for (byte[] request = Frames.read(in); request != null; request = Frames.read(in)) {
        Frames.write(out, service.handle(request));
      }
    } catch (Frames.FrameTooLarge e) {
      System.err.println("env serve: closed a connection that sent " + e.getMessage());
    } catch (SocketException | java.io.EOFException e) {
      // The client went away (mid-episode or mid-message): its environments go with it.
    } catch (IOException | RuntimeException e) {
      System.err.println("env serve: closed a connection after an error: " + e);
    } finally {
      clients.remove(client);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    if (pool != null) {
      pool.shutdownNow();
    }
    for (Socket c : clients) {
      c.close();
    }
  }
}
