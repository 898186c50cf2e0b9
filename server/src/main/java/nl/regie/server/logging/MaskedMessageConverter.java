package nl.regie.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %msg} with every BSN masked ({@link BsnMask}); logback.xml names it {@code %maskedMsg}. */
public final class MaskedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return BsnMask.mask(super.convert(event));
  }
}
