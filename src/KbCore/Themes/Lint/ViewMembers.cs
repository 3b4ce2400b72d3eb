using System.Collections;
using System.Reflection;

namespace KbCore.Themes.Lint;

/// <summary>What a member path can read on the view records, by type: the same snake_case properties templates see.</summary>
internal static class ViewMembers
{
    /// <summary>The type of <paramref name="name"/> on <paramref name="type"/>; false when the type has no such member.</summary>
    /// <param name="member">Its type, or null when it cannot be followed further (a dictionary value, a scalar).</param>
    public static bool TryGet(Type type, string name, out Type? member)
    {
        member = null;
        if (type == typeof(string))
        {
            return name == "size";
        }

        if (typeof(IDictionary).IsAssignableFrom(type) || IsGeneric(type, typeof(IReadOnlyDictionary<,>)))
        {
            return true;
        }

        if (Element(type) is { } element)
        {
            member = name is "first" or "last" ? element : null;
            return name is "size" or "first" or "last";
        }

        if (type.Namespace != typeof(Models.SiteView).Namespace)
        {
            return name == "size";
        }

        var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.Name != "EqualityContract" && ViewMemberAccess.SnakeCase(p.Name) == name);
        member = property?.PropertyType;
        return property is not null;
    }

    /// <summary>The item type of a list, for a <c>for</c> loop's variable.</summary>
    public static Type? Element(Type type) =>
        type == typeof(string)
            ? null
            : type.IsArray
                ? type.GetElementType()
                : (IsGeneric(type, typeof(IReadOnlyList<>)) ? type : type.GetInterfaces().FirstOrDefault(i => IsGeneric(i, typeof(IReadOnlyList<>))))
                    ?.GetGenericArguments()[0];

    private static bool IsGeneric(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition;
}
