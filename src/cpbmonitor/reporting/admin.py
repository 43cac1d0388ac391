"""Admin: memberships (roles), drafts and their versions (read-only), API tokens.

A token is created with the "Issue a token" action on users' tokens page: its key is
shown once in a message and never stored (only its digest)."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from .models import ApiToken, DraftVersion, Membership, ReportDraft


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "government")
    list_filter = ("role",)
    search_fields = ("user__username", "government__name", "government__iso2")
    autocomplete_fields = ("government",)


class VersionInline(admin.TabularInline):
    model = DraftVersion
    extra = 0
    can_delete = False
    fields = ("number", "action", "status", "author", "at", "comment")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ReportDraft)
class ReportDraftAdmin(admin.ModelAdmin):
    list_display = ("__str__", "government", "cycle", "status", "version", "updated_at")
    list_filter = ("status", "cycle")
    readonly_fields = [f.name for f in ReportDraft._meta.fields]
    inlines = [VersionInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "active", "created_at", "last_used_at")
    list_filter = ("active",)
    fields = ("user", "name", "active", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        if change:
            return super().save_model(request, obj, form, change)
        token, key = ApiToken.objects.issue(obj.user, obj.name)
        obj.pk, obj.prefix, obj.digest = token.pk, token.prefix, token.digest
        messages.warning(request, _("The token's key (shown only now): %(key)s") % {"key": key})
        return None
