package nl.regie.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A stack trace with every BSN in its messages masked ({@link BsnMask}); logback.xml names it {@code %maskedEx}. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return BsnMask.mask(super.convert(event));
  }
}
