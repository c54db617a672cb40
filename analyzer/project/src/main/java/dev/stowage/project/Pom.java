package dev.stowage.project;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What Stowage reads from a {@code pom.xml} without running Maven: coordinates, {@code <modules>},
 * the parent's {@code relativePath}, the declared dependencies — and a sanitized copy for running
 * Maven on a project that is not trusted.
 *
 * <p>The XML parser refuses DOCTYPEs and external entities (a pom is plain XML; a DOCTYPE in one is
 * an attack or a mistake).
 *
 * <pre>{@code
 * Pom pom = Pom.read(Path.of("pom.xml"));
 * pom.modules();   // ["core", "app"]
 * }</pre>
 *
 * @param groupId the project's groupId, or its parent's when the project inherits it; may be null
 * @param parentRelativePath the parent's {@code relativePath} as written ({@code ""} for an explicit
 *     empty one, {@code null} when the element is absent, which means {@code ../pom.xml}); meaningless
 *     when {@code hasParent} is false
 */
public record Pom(Path file, String groupId, String artifactId, String packaging, List<String> modules,
                  boolean hasParent, String parentRelativePath, List<Dependency> dependencies) {

    /** A declared dependency (from {@code <dependencies>} of the project or of one of its profiles). */
    public record Dependency(String groupId, String artifactId) {}

    public Pom {
        modules = List.copyOf(modules);
        dependencies = List.copyOf(dependencies);
    }

    /** The folder the pom is in. */
    public Path directory() {
        return file.toAbsolutePath().normalize().getParent();
    }

    /**
     * @throws ProjectException when the file cannot be read (with the reason) or is not a pom
     */
    public static Pom read(Path file) {
        Document document = parse(file);
        Element project = document.getDocumentElement();
        if (!"project".equals(localName(project))) {
            throw new ProjectException(file + " is not a Maven pom (its root element is <" + localName(project) + ">)");
        }
        Element parent = child(project, "parent");
        String groupId = text(child(project, "groupId"));
        if (groupId == null && parent != null) {
            groupId = text(child(parent, "groupId"));
        }
        String relativePath = null;
        if (parent != null) {
            Element relative = child(parent, "relativePath");
            relativePath = relative == null ? null : relative.getTextContent().strip();
        }
        List<String> modules = new ArrayList<>();
        for (Element module : children(child(project, "modules"), "module")) {
            String name = text(module);
            if (name != null) modules.add(name);
        }
        List<Dependency> dependencies = new ArrayList<>();
        collectDependencies(child(project, "dependencies"), dependencies);
        for (Element profile : children(child(project, "profiles"), "profile")) {
            collectDependencies(child(profile, "dependencies"), dependencies);
        }
        String packaging = text(child(project, "packaging"));
        return new Pom(file.toAbsolutePath().normalize(), groupId, text(child(project, "artifactId")),
                packaging == null ? "jar" : packaging, modules, parent != null, relativePath, dependencies);
    }

    /** The parent pom's file as Maven would look for it on disk, or null when it looks only in repositories. */
    public Path parentPomOnDisk() {
        if (!hasParent || "".equals(parentRelativePath)) return null;
        Path candidate = directory().resolve(parentRelativePath == null ? "../pom.xml" : parentRelativePath).normalize();
        return Files.isDirectory(candidate) ? candidate.resolve("pom.xml") : candidate;
    }

    /**
     * This pom with everything that can make Maven load code from the project removed, for
     * {@code dependency:build-classpath} on a project that is not trusted:
     *
     * <ul>
     *   <li>{@code <build>} and {@code <reporting>} (of the project and of every profile): build
     *       extensions, plugins with {@code <extensions>true</extensions>}, plugin configuration;
     *   <li>{@code <repositories>} and {@code <pluginRepositories>}: a {@code file:} repository inside
     *       the checked tree is where an attacker keeps an extension or a fake plugin; Maven then uses
     *       Maven Central and the user's own {@code settings.xml};
     *   <li>dependencies on modules of the same build ({@code reactorArtifacts}, "groupId:artifactId"
     *       or ":artifactId" when the groupId is inherited or a property): they are not installed, so
     *       Maven could not resolve them; the caller adds those modules' sources and classpaths;
     *   <li>the parent's {@code relativePath} when {@code parentInCopy} is false, so Maven does not
     *       look for a parent pom on disk outside the copy (a planted {@code ../pom.xml}).
     * </ul>
     */
    public String sanitized(Set<String> reactorArtifacts, boolean parentInCopy) {
        Document document = parse(file);
        Element project = document.getDocumentElement();
        List<Element> scopes = new ArrayList<>(List.of(project));
        scopes.addAll(children(child(project, "profiles"), "profile"));
        for (Element scope : scopes) {
            for (String name : List.of("build", "reporting", "repositories", "pluginRepositories")) {
                Element element;
                while ((element = child(scope, name)) != null) {
                    scope.removeChild(element);
                }
            }
            for (Element dependency : children(child(scope, "dependencies"), "dependency")) {
                String g = text(child(dependency, "groupId"));
                String a = text(child(dependency, "artifactId"));
                if (a != null && (reactorArtifacts.contains(g + ":" + a)
                        || ((g == null || g.contains("${")) && reactorArtifacts.contains(":" + a)))) {
                    dependency.getParentNode().removeChild(dependency);
                }
            }
        }
        Element parent = child(project, "parent");
        if (parent != null && !parentInCopy) {
            Element relative = child(parent, "relativePath");
            if (relative == null) {
                relative = document.createElementNS(project.getNamespaceURI(), "relativePath");
                parent.appendChild(relative);
            }
            relative.setTextContent("");
        }
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new ProjectException("cannot write a sanitized copy of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void collectDependencies(Element dependencies, List<Dependency> into) {
        for (Element dependency : children(dependencies, "dependency")) {
            String artifactId = text(child(dependency, "artifactId"));
            if (artifactId != null) into.add(new Dependency(text(child(dependency, "groupId")), artifactId));
        }
    }

    private static Document parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ProjectException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new java.io.ByteArrayInputStream(bytes), file.toUri().toString());
        } catch (SAXException e) {
            throw new ProjectException(file + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new ProjectException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) return found;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) found.add(e);
        }
        return found;
    }

    private static String text(Element element) {
        if (element == null) return null;
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
