package io.musicstream.query.playlist.formats;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XSPF 1 ({@code http://xspf.org/ns/0/}): title, creator, annotation, and per track title, creator, album, duration
 * in milliseconds, the ISRC as identifier {@code isrc:CODE} and the location.
 */
public final class XspfWriter implements PlaylistWriter {

    static final String NS = "http://xspf.org/ns/0/";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final TrackUrls urls;

    public XspfWriter(TrackUrls urls) {
        this.urls = urls;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.XSPF;
    }

    @Override
    public void write(PlaylistDocument document, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "playlist");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("version", "1");
            element(xml, "  ", "title", document.title());
            element(xml, "  ", "creator", document.creator());
            element(xml, "  ", "annotation", document.annotation());
            xml.writeCharacters("\n  ");
            xml.writeStartElement(NS, "trackList");
            for (PlaylistEntry entry : document.entries()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement(NS, "track");
                element(xml, "      ", "location", PlaylistWriter.location(entry, urls));
                element(xml, "      ", "identifier", entry.isrc() == null ? null : Isrc.identifier(entry.isrc()));
                element(xml, "      ", "title", entry.title());
                element(xml, "      ", "creator", entry.creator());
                element(xml, "      ", "album", entry.album());
                element(xml, "      ", "duration", entry.durationMs() == null ? null : entry.durationMs().toString());
                xml.writeCharacters("\n    ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write XSPF", e);
        }
        out.flush();
    }

    private static void element(XMLStreamWriter xml, String indent, String name, String value)
            throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeCharacters("\n" + indent);
        xml.writeStartElement(NS, name);
        xml.writeCharacters(xmlText(value));
        xml.writeEndElement();
    }

    /** Drops what XML 1.0 cannot hold (most control characters, unpaired surrogates): the output stays well-formed. */
    static String xmlText(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (keep) {
                    if (out != null) {
                        out.append(c);
                    }
                    c = value.charAt(++i);
                }
            } else {
                keep = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                        && c != 0xFFFE && c != 0xFFFF;
            }
            if (!keep && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            } else if (keep && out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
