using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Fluid;
using Fluid.Values;
using KbCore.Themes.Models;

namespace KbCore.Themes;

/// <summary>
/// The only members templates can read: the properties of the view records (KbCore.Themes.Models), by
/// snake_case name (<c>UpdatedDisplay</c> is <c>updated_display</c>). Any other type shows nothing, so a
/// domain object handed to a template by mistake exposes no member.
/// </summary>
internal sealed class ViewMemberAccess : MemberAccessStrategy
{
    public static ViewMemberAccess Instance { get; } = new();

    private readonly FrozenDictionary<(Type Type, string Name), MemberAccessor> _accessors = ViewTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && p.GetIndexParameters().Length == 0)
            .Select(p => KeyValuePair.Create((t, SnakeCase(p.Name)), (MemberAccessor)new PropertyAccessor(p))))
        .ToFrozenDictionary();

    public static IEnumerable<Type> ViewTypes() => typeof(SiteView).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(SiteView).Namespace && t.IsPublic);

    public override MemberAccessor GetAccessor(Type type, string name, StringComparer stringComparer) =>
        _accessors.GetValueOrDefault((type, name))!;

    public override void Register(Type type, string name, MemberAccessor accessor) =>
        throw new NotSupportedException("theme templates read the view records only");

    internal static string SnakeCase(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                s.Append('_');
            }

            s.Append(char.ToLowerInvariant(name[i]));
        }

        return s.ToString();
    }

    /// <summary>A compiled getter: reflection once at start-up, a delegate call per read.</summary>
    private sealed class PropertyAccessor(PropertyInfo property) : MemberAccessor
    {
        private readonly Func<object, object?> _get = Compile(property);

        public override ValueTask<FluidValue> GetAsync(object obj, string name, TemplateContext context) =>
            new(FluidValue.Create(_get(obj), context.Options));

        private static Func<object, object?> Compile(PropertyInfo property)
        {
            var target = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), typeof(object));
            return Expression.Lambda<Func<object, object?>>(body, target).Compile();
        }
    }
}
