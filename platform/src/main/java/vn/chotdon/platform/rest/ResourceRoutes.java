package vn.chotdon.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which HTTP methods each path of the service's REST resources has, and what each operation
 * produces and consumes: what RESTEasy Reactive does not say itself when it answers 405 (no
 * {@code Allow}), OPTIONS (every method of the resource class, on any of its paths), 406 and 415.
 * Read once from the resource classes' JAX-RS annotations.
 */
@ApplicationScoped
public class ResourceRoutes {

    /** One resource method: its HTTP method on a path template, compiled to a regular expression. */
    public record Route(String template, Pattern pattern, String method, List<String> produces,
            List<String> consumes) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    private final BeanManager beans;
    private final String root;
    private volatile List<Route> routes;

    ResourceRoutes(BeanManager beans, @ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String root) {
        this.beans = beans;
        this.root = root;
    }

    /** The operations whose template matches this request path (without query). */
    public List<Route> at(String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return all().stream().filter(route -> route.pattern().matcher(normalised).matches()).toList();
    }

    /** The methods a client may use on this path, as {@code Allow} lists them; empty when no resource has it. */
    public Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : at(path)) {
            methods.add(route.method());
        }
        if (methods.isEmpty()) {
            return methods;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return methods;
    }

    /** What the operations of this method on this path produce (or consume), as declared. */
    public Set<String> mediaTypes(String path, String method, boolean produced) {
        Set<String> types = new LinkedHashSet<>();
        for (Route route : at(path)) {
            if (route.method().equals(method) || (HttpMethod.HEAD.equals(method) && route.method().equals(HttpMethod.GET))) {
                types.addAll(produced ? route.produces() : route.consumes());
            }
        }
        return types;
    }

    private List<Route> all() {
        List<Route> known = routes;
        if (known == null) {
            known = read();
            routes = known;
        }
        return known;
    }

    private List<Route> read() {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || type.isInterface()) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String template = join(root, classPath.value(), methodPath == null ? "" : methodPath.value());
                found.add(new Route(template, compile(template), httpMethod,
                        declared(method.getAnnotation(Produces.class), type.getAnnotation(Produces.class)),
                        declared(method.getAnnotation(Consumes.class), type.getAnnotation(Consumes.class))));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static List<String> declared(Annotation onMethod, Annotation onClass) {
        Annotation effective = onMethod != null ? onMethod : onClass;
        String[] values = effective instanceof Produces p ? p.value()
                : effective instanceof Consumes c ? c.value() : new String[] { MediaType.WILDCARD };
        List<String> types = new ArrayList<>();
        for (String value : values) {
            for (String type : value.split(",")) {
                types.add(type.strip());
            }
        }
        return List.copyOf(types);
    }

    static String join(String... parts) {
        String joined = ("/" + String.join("/", parts)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = VARIABLE.matcher(template);
        int at = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(at, variable.start())));
            regex.append('(').append(variable.group(2) != null ? variable.group(2).strip() : "[^/]+").append(')');
            at = variable.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }
}
