package dev.governor.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Standard input that tells when it ends: an agent framework stops its MCP server by closing the
 * server's stdin, and the gateway must then stop too (and its upstream child with it).
 */
final class EndOfInput extends FilterInputStream {
    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return seen(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return seen(super.read(b, off, len));
    }

    private int seen(int n) {
        if (n < 0) ended.countDown();
        return n;
    }

    void await() throws InterruptedException {
        ended.await();
    }
}
