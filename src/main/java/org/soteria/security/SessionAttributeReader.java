package org.soteria.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.serializer.Deserializer;
import org.springframework.util.ClassUtils;

/**
 * Reads a session attribute back from the session store. Every page reads the signed-in user's security context
 * this way, and resolving each class it names through the application's class loader (nested jars) was most of the
 * cost: the classes found are kept, so each name is looked up once per process. Nothing else changes: the same
 * class loader decides, and a name it cannot find fails as before.
 */
final class SessionAttributeReader implements Deserializer<Object> {

    private final ClassLoader loader;
    private final Map<String, Class<?>> found = new ConcurrentHashMap<>();

    SessionAttributeReader(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Object deserialize(InputStream input) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(input) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                Class<?> known = found.get(desc.getName());
                if (known != null) {
                    return known;
                }
                Class<?> type = ClassUtils.forName(desc.getName(), loader);
                found.put(desc.getName(), type);
                return type;
            }
        }) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("A session attribute names a class this version does not have: " + e.getMessage(), e);
        }
    }
}
