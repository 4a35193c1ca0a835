package org.soteria.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * Draws a QR code as an SVG path, so the page needs no image request and no inline style (the
 * Content-Security-Policy allows neither).
 */
final class QrCode {

    private QrCode() {
    }

    static String svg(String text, String title) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            String escapedTitle = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"qr-title\" "
                    + "viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight() + "\" width=\"240\" height=\"240\" "
                    + "shape-rendering=\"crispEdges\"><title id=\"qr-title\">" + escapedTitle + "</title>"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><path fill=\"#0b0c0c\" d=\"" + path
                    + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot draw the QR code", e);
        }
    }
}
