package io.musicstream.query.playlist.formats;

import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XSPF (version 0 or 1). A document with a DTD is refused before any entity is declared, so neither external
 * entities (XXE) nor entity expansion (billion laughs) can happen. Elements this model has no field for, extensions
 * and other namespaces are skipped; a track's first location is kept, and the first identifier that names an ISRC.
 */
public final class XspfReader implements PlaylistReader {

    /** Deeper than any XSPF with extensions needs; bounds the work a nested document can cause. */
    static final int MAX_DEPTH = 64;

    private final TrackUrls urls;
    private final PlaylistReadLimits limits;

    public XspfReader(TrackUrls urls, PlaylistReadLimits limits) {
        this.urls = urls;
        this.limits = limits;
    }

    @Override
    public PlaylistFormat format() {
        return PlaylistFormat.XSPF;
    }

    @Override
    public PlaylistDocument read(InputStream in) {
        String text = DocumentText.read(in, PlaylistFormat.XSPF, limits.maxBytes());
        Problems problems = new Problems(PlaylistFormat.XSPF, limits);
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new StringReader(text));
            PlaylistDocument document = new Parse(xml, problems).document();
            problems.throwIfAny();
            return document;
        } catch (XMLStreamException e) {
            throw problems.fatal("not well-formed XML" + at(e.getLocation()) + ": " + message(e));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing is held open: the input is a string
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static String at(Location location) {
        return location == null ? "" : " at line " + location.getLineNumber() + ", column "
                + location.getColumnNumber();
    }

    private static String message(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int start = message.indexOf("Message: ");
        return (start < 0 ? message : message.substring(start + "Message: ".length())).strip();
    }

    private final class Parse {

        private final XMLStreamReader xml;
        private final Problems problems;
        private String ns;

        Parse(XMLStreamReader xml, Problems problems) {
            this.xml = xml;
            this.problems = problems;
        }

        PlaylistDocument document() throws XMLStreamException {
            String encoding = xml.getCharacterEncodingScheme();
            if (encoding != null && !encoding.equalsIgnoreCase("UTF-8") && !encoding.equalsIgnoreCase("UTF8")
                    && !encoding.equalsIgnoreCase("US-ASCII")) {
                throw problems.fatal("the document declares the encoding " + encoding + "; only UTF-8 is accepted");
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw problems.fatal("a DTD (<!DOCTYPE>) is not accepted" + at(xml.getLocation())
                            + ": entities could read files or expand without bound");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String rootNs = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                    if (!xml.getLocalName().equals("playlist")
                            || !(rootNs.equals(XspfWriter.NS) || rootNs.isEmpty())) {
                        throw problems.fatal("the root element is " + name() + "; XSPF's is playlist in the namespace "
                                + XspfWriter.NS);
                    }
                    ns = rootNs;
                    PlaylistDocument document = playlist();
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.DTD) {
                            throw problems.fatal("a DTD (<!DOCTYPE>) is not accepted");
                        }
                    }
                    return document;
                }
            }
            throw problems.fatal("the document holds no element; XSPF's root is playlist");
        }

        private PlaylistDocument playlist() throws XMLStreamException {
            String title = null;
            String creator = null;
            String annotation = null;
            List<PlaylistEntry> entries = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return new PlaylistDocument(title, creator, annotation, entries == null ? List.of() : entries);
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (ours() ? xml.getLocalName() : "") {
                    case "title" -> title = line("playlist title", 2, limits.maxTitleLength());
                    case "creator" -> creator = line("playlist creator", 2, limits.maxCreatorLength());
                    case "annotation" -> annotation = problems.paragraph("playlist annotation",
                            text("playlist annotation", 2), limits.maxAnnotationLength());
                    case "trackList" -> {
                        if (entries != null) {
                            problems.add("more than one trackList");
                        }
                        entries = trackList();
                    }
                    default -> skip(2);
                }
            }
        }

        private List<PlaylistEntry> trackList() throws XMLStreamException {
            List<PlaylistEntry> entries = new ArrayList<>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return entries;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (ours() && xml.getLocalName().equals("track")) {
                    problems.entryCount(entries.size() + 1);
                    entries.add(track(entries.size() + 1));
                } else {
                    skip(3);
                }
            }
        }

        private PlaylistEntry track(int number) throws XMLStreamException {
            String where = "track " + number + " ";
            String title = null;
            String creator = null;
            String album = null;
            Long duration = null;
            String isrc = null;
            String location = null;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    String trackId = location == null ? null : urls.trackId(location).orElse(null);
                    return new PlaylistEntry(title, creator, album, duration, isrc, trackId, location);
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (ours() ? xml.getLocalName() : "") {
                    case "title" -> title = line(where + "title", 4, limits.maxTitleLength());
                    case "creator" -> creator = line(where + "creator", 4, limits.maxCreatorLength());
                    case "album" -> album = line(where + "album", 4, limits.maxTitleLength());
                    case "duration" -> duration = problems.duration(where + "duration", text(where + "duration", 4));
                    case "identifier" -> {
                        String value = line(where + "identifier", 4, limits.maxLocationLength());
                        if (isrc == null) {
                            isrc = Isrc.fromIdentifier(value);
                        }
                    }
                    case "location" -> {
                        String value = line(where + "location", 4, limits.maxLocationLength());
                        if (location == null) {
                            location = value;
                        }
                    }
                    default -> skip(4);
                }
            }
        }

        private String line(String where, int depth, int max) throws XMLStreamException {
            return problems.line(where, text(where, depth), max);
        }

        /** The text of a simple element; child elements there make the document malformed for XSPF. */
        private String text(String where, int depth) throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        // the document is bounded in size, so so is this
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        problems.add(where + ": must hold text only, found element " + name()
                                + at(xml.getLocation()));
                        skip(depth + 1);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    default -> {
                        // comments and processing instructions carry nothing
                    }
                }
            }
        }

        /** Skips the element just started and everything in it. */
        private void skip(int depth) throws XMLStreamException {
            int open = 1;
            while (open > 0) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    open++;
                    if (depth + open - 1 > MAX_DEPTH) {
                        throw problems.fatal("elements nested deeper than " + MAX_DEPTH + at(xml.getLocation()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open--;
                }
            }
        }

        private boolean ours() {
            String uri = xml.getNamespaceURI();
            return ns.equals(uri == null ? "" : uri);
        }

        private String name() {
            String uri = xml.getNamespaceURI();
            return (uri == null || uri.isEmpty() || ns != null && ours() ? "" : "{" + uri + "}") + xml.getLocalName();
        }
    }
}
