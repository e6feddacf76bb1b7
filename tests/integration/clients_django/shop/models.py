# SPDX-License-Identifier: Apache-2.0
# shop/models.py: models with the field kinds Django applications use most — ForeignKey,
# unique_together, indexes, JSONField, DateTimeField, DecimalField, UUIDField.
import uuid

from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)
    joined = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)


class Order(models.Model):
    ref = models.UUIDField(default=uuid.uuid4, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    number = models.IntegerField()
    total = models.DecimalField(max_digits=10, decimal_places=2)
    placed = models.DateTimeField()
    extra = models.JSONField(default=dict)
    note = models.TextField(blank=True, null=True)

    class Meta:
        unique_together = [("customer", "number")]
        indexes = [models.Index(fields=["placed"], name="order_placed_idx")]
